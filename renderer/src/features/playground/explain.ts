// Words for the broker's raw values: member ids ("reader-2-9f3a01bc") become "reader 2", simulated-clock
// milliseconds become seconds of simulated time in the student's number format.
import type { TFunction } from 'i18next';

const READER_ID = /\breader-(\d+)-[0-9a-f]{8}\b/g;
const NOTIFIER_ID = /\bnotifier-([a-z0-9.-]+?)-[0-9a-f]{8}\b/g;
const OTHER_ID = /\b([a-z][a-z0-9.-]*?)-[0-9a-f]{8}\b/g;

/** Replaces every broker member id in `text` with a name a student can follow ("reader 2"). */
export function nameMembers(text: string, t: TFunction): string {
  return text
    .replace(READER_ID, (_m, n: string) => t('member.reader', { n }))
    .replace(NOTIFIER_ID, (_m, topic: string) => t('member.notifier', { topic }))
    .replace(OTHER_ID, (_m, client: string) => client);
}

/** Milliseconds on the broker's simulated clock, as seconds in the locale's format ("248.1" / "248,1"). */
export function simSeconds(ms: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(ms / 1000);
}

const JOINED = /^(.+) joined$/;
const SUBSCRIBED = /^(.+) changed its subscription$/;
const LEFT = /^(.+) left \(([a-z-]+)\)$/;

/**
 * Why a group rebalanced, or why a member left, in the reader's language: the broker says it in its own
 * words ("reader-2-9f3a01bc joined", "… left (crash)", a bare "crash"); anything else is shown named as it is.
 */
export function wordReason(reason: string, t: TFunction): string {
  const why = (code: string) => t(`member.why.${code}`, { defaultValue: code });
  let m = JOINED.exec(reason);
  if (m) return t('member.why.joined', { member: nameMembers(m[1]!, t) });
  m = SUBSCRIBED.exec(reason);
  if (m) return t('member.why.subscription', { member: nameMembers(m[1]!, t) });
  m = LEFT.exec(reason);
  if (m) return t('member.why.left', { member: nameMembers(m[1]!, t), why: why(m[2]!) });
  return /^[a-z-]+$/.test(reason) ? why(reason) : nameMembers(reason, t);
}

/** Params ready for a sentence: member ids named, reasons worded, `dueAt`/`time` also given as simulated seconds. */
export function wordParams(params: Record<string, unknown>, t: TFunction, lang: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? (k === 'reason' ? wordReason(v, t) : nameMembers(v, t)) : v;
  if (typeof params.dueAt === 'number') out.due = simSeconds(params.dueAt, lang);
  return out;
}
