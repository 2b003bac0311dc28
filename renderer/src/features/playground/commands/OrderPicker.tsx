// Which order the commands go to: every order in the store can be reached (a search by part of the id
// or the customer, then a list of up to 100 matches), each shown with its customer and time, not only its id.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../bridge/types';
import { usePlayground } from '../playgroundStore';

type OrderList = MethodOutput<'playground.orders'>;
const LIMIT = 100;

export function OrderPicker() {
  const { t, i18n } = useTranslation('pg');
  const id = useId();
  const head = usePlayground((s) => s.overview?.head ?? 0);
  const selected = usePlayground((s) => s.selectedOrderId);
  const select = usePlayground((s) => s.select);
  const [query, setQuery] = useState('');
  const [list, setList] = useState<OrderList | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void usePlayground.getState().read.orders(query, LIMIT).then((r) => live && setList(r), () => undefined);
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, head]);

  const orders = list?.orders ?? [];
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language);
  const label = (o: OrderList['orders'][number]) => t('picker.option', { id: o.orderId, customer: o.customerId || '—', time: time(o.createdAt) });
  return (
    <div className="pg-field pg-order-picker">
      <label htmlFor={`${id}-q`}>{t('picker.search')}</label>
      <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('picker.placeholder')} data-testid="pg-order-search" />
      <label htmlFor="pg-order">{t('commands.order')}</label>
      <select id="pg-order" data-testid="pg-order-picker" value={selected ?? ''} onChange={(e) => select(e.target.value || null)}>
        {!selected && <option value="">{t('commands.noOrder')}</option>}
        {selected && !orders.some((o) => o.orderId === selected) && <option value={selected}>{selected}</option>}
        {orders.map((o) => (
          <option key={o.orderId} value={o.orderId}>
            {label(o)}
          </option>
        ))}
      </select>
      {list && (
        <span className="pg-small muted" data-testid="pg-order-count" data-total={list.total}>
          {list.total > orders.length ? t('picker.more', { shown: orders.length, total: list.total }) : t('picker.count', { count: list.total })}
        </span>
      )}
    </div>
  );
}
