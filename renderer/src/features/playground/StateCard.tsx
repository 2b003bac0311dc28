// An order's state as a compact definition list (used by time travel and the read-model details).
import { useTranslation } from 'react-i18next';
import { formatMoney, type StreamData } from './playgroundStore';
import { StatusBadge } from './StatusBadge';

type State = NonNullable<StreamData['writeState']>;

export function StateCard({ state }: { state: State }) {
  const { t } = useTranslation('pg');
  const rows: [string, React.ReactNode][] = [
    [t('state.status'), <StatusBadge key="s" status={state.status} />],
    [t('state.version'), state.version],
    [t('state.customer'), state.customerId],
    [t('state.items'), state.items.map((i) => `${i.quantity}× ${i.productName}`).join(', ') || '—'],
    [t('state.total'), formatMoney(state.totalAmount)],
    [t('state.address'), state.shippingAddress],
  ];
  if (state.paymentId) rows.push([t('state.payment'), `${state.paymentId} (${state.paymentMethod})`]);
  if (state.trackingNumber) rows.push([t('state.tracking'), `${state.trackingNumber} · ${state.carrier}`]);
  if (state.cancelReason) rows.push([t('state.cancelReason'), state.cancelReason]);
  return (
    <dl className="pg-state">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
