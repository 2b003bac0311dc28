// The bank account tab: open, deposit, withdraw and close an event-sourced account in the
// playground's store, decided by the playground's rules or the student's BankAccount draft (in the
// sandbox). Shows the stream, the balance replayed to any version, and the refused commands' codes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkField, toCents } from '../commands/commandForms';
import { formatMoney, usePlayground, type BankAnswer as Answer, type BankCommand as Command } from '../playgroundStore';
import { AccountReplay } from './AccountReplay';


/** What an account event adds to the envelope: the owner's name or a signed amount. */
function dataOf(type: string, data: unknown): string {
  const d = (data ?? {}) as { ownerName?: unknown; amount?: unknown };
  if (typeof d.amount === 'number') return `${type === 'MoneyWithdrawn' ? '−' : '+'}${formatMoney(d.amount)}`;
  if (typeof d.ownerName === 'string') return d.ownerName;
  return '—';
}

export function BankPanel() {
  const { t } = useTranslation('pg');
  const overview = usePlayground((s) => s.bank);
  const accountId = usePlayground((s) => s.bankAccountId);
  const account = usePlayground((s) => s.bankAccount);
  const busy = usePlayground((s) => s.busy);
  const { bankCommand, selectAccount: select } = usePlayground.getState();
  const [code, setCode] = useState<'reference' | 'mine'>('reference');
  const [owner, setOwner] = useState('Ada Lovelace');
  const [amount, setAmount] = useState('50.00');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const amountProblem = checkField('money', amount);

  async function send(command: Command) {
    setAnswer(await bankCommand(command, code));
  }

  const state = account?.state;
  const canAct = !busy && accountId !== '';
  const cents = amountProblem ? 0 : toCents(amount);

  return (
    <div className="pg-bank" data-testid="pg-bank">
      <section className="pg-card">
        <h3>{t('bank.title')}</h3>
        <p className="pg-small">{t('bank.about')}</p>
        <div className="pg-row">
          <label>
            {t('bank.whose')}{' '}
            <select value={code} onChange={(e) => setCode(e.target.value as typeof code)} data-testid="pg-bank-code">
              <option value="reference">{t('bank.reference')}</option>
              <option value="mine">{t('bank.mine')}</option>
            </select>
          </label>
        </div>
        <div className="pg-row">
          <label className="pg-field pg-grow">
            {t('bank.owner')}
            <input value={owner} onChange={(e) => setOwner(e.target.value)} data-testid="pg-bank-owner" />
          </label>
          <button className="primary" disabled={busy} onClick={() => void send({ type: 'OpenAccount', ownerName: owner })} data-testid="pg-bank-open">
            {t('bank.open')}
          </button>
        </div>
        <div className="pg-row">
          <label className="pg-field">
            {t('bank.account')}
            <select value={accountId} onChange={(e) => select(e.target.value)} data-testid="pg-bank-account">
              {!overview?.accountIds.length && <option value="">{t('bank.none')}</option>}
              {overview?.accountIds.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <label className="pg-field">
            {t('bank.amount')}
            <input value={amount} aria-invalid={amountProblem !== null} onChange={(e) => setAmount(e.target.value)} data-testid="pg-bank-amount" inputMode="decimal" />
          </label>
          <button disabled={!canAct || amountProblem !== null} onClick={() => void send({ type: 'DepositMoney', accountId, amount: cents })} data-testid="pg-bank-deposit">
            {t('bank.deposit')}
          </button>
          <button disabled={!canAct || amountProblem !== null} onClick={() => void send({ type: 'WithdrawMoney', accountId, amount: cents })} data-testid="pg-bank-withdraw">
            {t('bank.withdraw')}
          </button>
          <button disabled={!canAct} onClick={() => void send({ type: 'CloseAccount', accountId })} data-testid="pg-bank-close">
            {t('bank.close')}
          </button>
        </div>
        {amountProblem && <div className="pg-field-problem">{t('bank.amountProblem')}</div>}
        {answer && <BankOutcome answer={answer} />}
      </section>

      <div className="pg-bank-views">
        <section className="pg-card pg-scroll-x">
          <h3>
            {t('bank.stream')} {accountId && <code>account-{accountId}</code>}
          </h3>
          {state && state.status !== 'none' && (
            <p className="pg-row pg-small">
              <span>
                {t('bank.balanceNow')}: <strong data-testid="pg-bank-balance">{formatMoney(state.balance)}</strong>
              </span>
              <span className="pg-pill">{t(`bank.status.${state.status}`)}</span>
              <span className="muted">{state.ownerName}</span>
            </p>
          )}
          {!account || account.events.length === 0 ? (
            <p className="muted">{t('bank.noEvents')}</p>
          ) : (
            <table className="pg-table" data-testid="pg-bank-stream">
              <thead>
                <tr>
                  <th className="num">{t('bank.version')}</th>
                  <th>{t('bank.type')}</th>
                  <th className="num">{t('bank.data')}</th>
                  <th className="num">{t('bank.position')}</th>
                </tr>
              </thead>
              <tbody>
                {account.events.map((e) => (
                  <tr key={e.version} data-testid="pg-bank-row">
                    <td className="num">{e.version}</td>
                    <td>
                      <code className={`pg-evt ev-${e.type}`}>{e.type}</code>
                    </td>
                    <td className="num">{dataOf(e.type, e.data)}</td>
                    <td className="num">#{e.position}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {account && account.currentVersion > 0 && <AccountReplay account={account} />}
      </div>

      <section className="pg-card" data-testid="pg-bank-refusals">
        <h3>{t('bank.refusals')}</h3>
        {!overview?.refusals.length ? (
          <p className="muted pg-small">{t('bank.noRefusals')}</p>
        ) : (
          <ul className="pg-refusals">
            {overview.refusals.slice(0, 10).map((r) => (
              <li key={r.seq} data-testid="pg-bank-refusal" data-code={r.code}>
                <strong className="pg-bad">{r.code}</strong> <code>{r.command}</code>
                {r.amount !== null && <span> {formatMoney(r.amount)}</span>} <span className="muted pg-small">{r.accountId} · {r.message}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function BankOutcome({ answer }: { answer: Answer }) {
  const { t } = useTranslation('pg');
  const { outcome } = answer;
  const who = answer.source === 'draft' ? t('bank.draftDecided') : answer.noDraft ? t('bank.noDraft') : null;
  if (!outcome.ok) {
    return (
      <div className="pg-outcome bad" role="alert" data-testid="pg-bank-outcome" data-ok="false">
        <strong data-testid="pg-bank-outcome-code">{outcome.code}</strong> {outcome.message}
        <div className="pg-outcome-note">{t('bank.refusedNote')}</div>
        {who && <div className="pg-small">{who}</div>}
      </div>
    );
  }
  return (
    <div className="pg-outcome ok" role="status" data-testid="pg-bank-outcome" data-ok="true">
      {outcome.events.map((e) => (
        <div key={e.globalPosition}>{t('bank.appended', { type: e.type, version: e.version, position: e.globalPosition })}</div>
      ))}
      <div>
        {t('bank.balanceNow')}: <strong>{formatMoney(outcome.balance)}</strong>
      </div>
      {who && <div className="pg-small">{who}</div>}
    </div>
  );
}
