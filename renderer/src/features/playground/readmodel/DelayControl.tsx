// The projection delay: the read-model consumers wait this long after records arrive.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../playgroundStore';

export function DelayControl({ delayMs }: { delayMs: number }) {
  const { t } = useTranslation('pg');
  const setDelay = usePlayground((s) => s.setDelay);
  const [value, setValue] = useState(delayMs);
  useEffect(() => setValue(delayMs), [delayMs]);
  return (
    <label className="pg-slider">
      <span>{t('rm.delay', { s: (value / 1000).toFixed(1) })}</span>
      <input
        type="range"
        min={0}
        max={10000}
        step={250}
        value={value}
        data-testid="pg-delay"
        onChange={(e) => setValue(Number(e.target.value))}
        onPointerUp={() => void setDelay(value)}
        onKeyUp={() => void setDelay(value)}
      />
      <span className="pg-small muted">{t('rm.delayHelp')}</span>
    </label>
  );
}
