import { useTranslation } from 'react-i18next';

export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation('pg');
  return (
    <span className={`pg-status st-${status}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}
