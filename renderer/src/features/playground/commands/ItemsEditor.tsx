// Lines of a new order: product, name, quantity, unit price (in currency units; sent as cents).
import { useTranslation } from 'react-i18next';
import type { ItemDraft } from './commandForms';

export function ItemsEditor({ items, problems, onChange }: { items: ItemDraft[]; problems: { quantity: string | null; unitPrice: string | null }[]; onChange(items: ItemDraft[]): void }) {
  const { t } = useTranslation('pg');
  const update = (i: number, patch: Partial<ItemDraft>) => onChange(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  return (
    <fieldset className="pg-items">
      <legend>{t('field.items')}</legend>
      {items.map((it, i) => (
        <div className="pg-item-row" key={i}>
          <input aria-label={t('field.productId')} value={it.productId} onChange={(e) => update(i, { productId: e.target.value })} />
          <input aria-label={t('field.productName')} value={it.productName} onChange={(e) => update(i, { productName: e.target.value })} />
          <input aria-label={t('field.quantity')} className="num" value={it.quantity} aria-invalid={problems[i]?.quantity ? true : undefined} onChange={(e) => update(i, { quantity: e.target.value })} />
          <input aria-label={t('field.unitPrice')} className="num" value={it.unitPrice} aria-invalid={problems[i]?.unitPrice ? true : undefined} onChange={(e) => update(i, { unitPrice: e.target.value })} />
          <button type="button" aria-label={t('items.remove')} title={t('items.remove')} onClick={() => onChange(items.filter((_, j) => j !== i))}>
            ×
          </button>
          {(problems[i]?.quantity || problems[i]?.unitPrice) && <span className="pg-field-problem">{t(problems[i]!.quantity ?? problems[i]!.unitPrice!)}</span>}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...items, { productId: `p-${items.length + 1}`, productName: 'Item', quantity: '1', unitPrice: '1.00' }])}>
        {t('items.add')}
      </button>
    </fieldset>
  );
}
