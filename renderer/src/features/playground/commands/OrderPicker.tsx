import { useTranslation } from 'react-i18next';
import { usePlayground } from '../playgroundStore';

const NO_IDS: string[] = [];

export function OrderPicker() {
  const { t } = useTranslation('pg');
  const ids = usePlayground((s) => s.overview?.orderIds) ?? NO_IDS;
  const selected = usePlayground((s) => s.selectedOrderId);
  const select = usePlayground((s) => s.select);
  return (
    <div className="pg-field pg-order-picker">
      <label htmlFor="pg-order">{t('commands.order')}</label>
      <select id="pg-order" data-testid="pg-order-picker" value={selected ?? ''} onChange={(e) => select(e.target.value || null)}>
        {!selected && <option value="">{t('commands.noOrder')}</option>}
        {selected && !ids.includes(selected) && <option value={selected}>{selected}</option>}
        {ids.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </div>
  );
}
