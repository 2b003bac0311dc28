// Title, the "my code" switch and reset (with a confirmation step, since it deletes the playground's events).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from './playgroundStore';

export function HeaderBar() {
  const { t } = useTranslation('pg');
  const overview = usePlayground((s) => s.overview);
  const setMyCode = usePlayground((s) => s.setMyCode);
  const resetPlayground = usePlayground((s) => s.reset);
  const [confirming, setConfirming] = useState(false);
  const [myCodeNote, setMyCodeNote] = useState<string | null>(null);

  async function toggleMyCode(enabled: boolean) {
    setMyCodeNote(null);
    const r = await setMyCode(enabled);
    if (r?.message === 'NO_DRAFT') setMyCodeNote(t('myCode.noDraft'));
  }

  async function reset() {
    setConfirming(false);
    await resetPlayground();
  }

  return (
    <header className="pg-header">
      <div>
        <h1>{t('title')}</h1>
        <p className="muted pg-subtitle">{t('subtitle')}</p>
      </div>
      <div className="pg-header-controls">
        <label className="pg-switch" title={t('myCode.help')}>
          <input type="checkbox" data-testid="pg-my-code" checked={overview?.myCode ?? false} onChange={(e) => void toggleMyCode(e.target.checked)} />
          <span>{overview?.myCode ? t('myCode.on') : t('myCode.off')}</span>
        </label>
        {myCodeNote && <span className="pg-note warn">{myCodeNote}</span>}
        <span className="pg-pill" data-testid="pg-head">{t('head', { n: overview?.head ?? 0 })}</span>
        {confirming ? (
          <span className="pg-confirm" role="group" aria-label={t('reset.confirmTitle')}>
            <span>{t('reset.confirm')}</span>
            <button className="danger" data-testid="pg-reset-yes" onClick={() => void reset()}>
              {t('reset.yes')}
            </button>
            <button onClick={() => setConfirming(false)}>{t('reset.no')}</button>
          </span>
        ) : (
          <button className="danger" data-testid="pg-reset" onClick={() => setConfirming(true)}>
            {t('reset.button')}
          </button>
        )}
      </div>
    </header>
  );
}
