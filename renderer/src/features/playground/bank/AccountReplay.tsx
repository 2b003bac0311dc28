// Time travel over an account's stream: the balance replayed from the events up to a version, and
// the event that made that version. Nothing is stored but the events, so any version can be rebuilt.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../bridge/types';
import { formatMoney } from '../playgroundStore';
import { useRead } from '../useRead';

type Account = MethodOutput<'playground.bankAccount'>;

/** The replay as arithmetic: 0 + 120.00 − 45.50 = 74.50 (the events up to `version`, in order). */
function foldText(account: Account, version: number): string {
  let balance = 0;
  const parts = ['0.00'];
  for (const e of account.events) {
    if (e.version > version) break;
    const amount = (e.data as { amount?: unknown } | null)?.amount;
    if (typeof amount !== 'number') continue;
    const sign = e.type === 'MoneyWithdrawn' ? -1 : 1;
    balance += sign * amount;
    parts.push(`${sign < 0 ? '−' : '+'} ${formatMoney(amount)}`);
  }
  return `${parts.join(' ')} = ${formatMoney(balance)}`;
}

export function AccountReplay({ account }: { account: Account }) {
  const { t } = useTranslation('pg');
  const last = account.currentVersion;
  const [version, setVersion] = useState(last);
  const [follow, setFollow] = useState(true);

  useEffect(() => {
    if (follow) setVersion(last);
  }, [last, account.accountId, follow]);

  const at = useRead((read) => read.bankStateAt(account.accountId, Math.min(Math.max(1, version), last)), [version, account.accountId, last]);

  return (
    <section className="pg-card" data-testid="pg-bank-replay">
      <h3>{t('bank.replay')}</h3>
      <label className="pg-slider">
        <span>{t('bank.replayVersion', { v: Math.min(version, last), of: last })}</span>
        <input
          type="range"
          min={1}
          max={Math.max(1, last)}
          value={Math.min(version, last)}
          data-testid="pg-bank-slider"
          onChange={(e) => {
            const v = Number(e.target.value);
            setVersion(v);
            setFollow(v === last);
          }}
        />
      </label>
      {at && (
        <>
          <p className="pg-bank-balance">
            <strong data-testid="pg-bank-replay-balance">{formatMoney(at.state.balance)}</strong>{' '}
            <span className="pg-pill">{t(`bank.status.${at.state.status}`)}</span>
          </p>
          <p className="pg-small pg-mono" data-testid="pg-bank-fold">
            {t('bank.fold', { sum: foldText(account, Math.min(version, last)) })}
          </p>
          {at.event && (
            <p className="pg-small">
              {t('bank.producedBy')} <code className={`pg-evt ev-${at.event.type}`}>{at.event.type}</code>
            </p>
          )}
        </>
      )}
    </section>
  );
}
