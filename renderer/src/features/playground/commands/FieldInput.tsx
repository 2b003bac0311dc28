import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS } from '@common/orders';
import type { FieldSpec } from './commandForms';

export function FieldInput({ spec, value, problem, onChange }: { spec: FieldSpec; value: string; problem?: string; onChange(v: string): void }) {
  const { t } = useTranslation('pg');
  const id = useId();
  const label = t(`field.${spec.name}`);
  return (
    <div className="pg-field">
      <label htmlFor={id}>{label}</label>
      {spec.kind === 'payment' ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={`pg-field-${spec.name}`}>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`payment.${m}`)}
            </option>
          ))}
          <option value="cash">{t('payment.cash')}</option>
        </select>
      ) : (
        <input
          id={id}
          value={value}
          inputMode={spec.kind === 'text' ? 'text' : 'decimal'}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-p` : undefined}
          data-testid={`pg-field-${spec.name}`}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {problem && (
        <span id={`${id}-p`} className="pg-field-problem">
          {t(problem)}
        </span>
      )}
    </div>
  );
}
