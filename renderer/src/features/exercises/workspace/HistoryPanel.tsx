// The run history: every run with its time, result and code hash; open a run's code read-only,
// and restore it (with confirmation: the current code goes to the history, it is not lost).
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restoreRun, useWorkspace, viewRun } from './store';
import { ConfirmDialog } from './ConfirmDialog';
import { formatMs } from '../../../components/formatNumber';
import type { RunSummary } from './types';

/** Memoized: it takes no props and reads the store itself, so the page re-rendering does not redo it. */
export const HistoryPanel = memo(function HistoryPanel() {
  const { t, i18n } = useTranslation('exercises');
  const runs = useWorkspace((s) => s.runs);
  const viewing = useWorkspace((s) => s.viewingRun);
  const [confirm, setConfirm] = useState<RunSummary | null>(null);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  if (runs.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <>
      <ol className="ex-history" data-testid="history">
        {runs.map((run) => (
          <li key={run.id} className={viewing?.run.id === run.id ? 'ex-history-item current' : 'ex-history-item'} data-testid="history-item">
            <span className={`ex-status-icon ex-status-${run.allPassed ? 'pass' : run.status}`} aria-hidden="true">
              {run.allPassed ? '✓' : run.status === 'error' ? '!' : '✗'}
            </span>
            <span className="ex-history-main">
              <strong>{t('history.run', { id: run.id })}</strong>{' '}
              <time dateTime={run.startedAt}>{fmt.format(new Date(run.startedAt))}</time>
              <span className="muted">
                {' · '}
                {run.status === 'error' && run.total === 0 ? t('history.buildError') : t('history.passed', { passed: run.passed, total: run.total })}
                {' · '}
                {t('results.duration', { ms: formatMs(run.durationMs, i18n.language) })} · <code title={run.codeSha256}>{run.codeSha256.slice(0, 8)}</code>
              </span>
            </span>
            <span className="ex-history-actions">
              <button onClick={() => void viewRun(run.id)} data-testid="history-view">{t('history.view')}</button>
              <button onClick={() => setConfirm(run)} data-testid="history-restore">{t('history.restore')}</button>
            </span>
          </li>
        ))}
      </ol>
      <ConfirmDialog
        open={confirm !== null}
        title={t('history.restoreTitle', { id: confirm?.id })}
        body={t('history.restoreBody')}
        confirmLabel={t('history.restore')}
        cancelLabel={t('ws.cancel')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const id = confirm!.id;
          setConfirm(null);
          void restoreRun(id);
        }}
      />
    </>
  );
});
