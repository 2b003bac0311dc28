// Pick an order and a command, fill the form (checked inline), send it; the outcome says which
// events were appended, or the domain's error code and that nothing was appended.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../playgroundStore';
import { COMMAND_TYPES, FIELDS, buildCommand, checkField, defaultItems, defaultValues, type CommandType, type ItemDraft, type SampleWords } from './commandForms';
import { ItemsEditor } from './ItemsEditor';
import { OutcomeBanner } from './OutcomeBanner';
import { OrderPicker } from './OrderPicker';
import { FieldInput } from './FieldInput';

export function CommandPanel() {
  const { t, i18n } = useTranslation('pg');
  // The sample values in the UI's language (the form starts over with them when the language changes).
  const words = t('form.sample', { returnObjects: true }) as SampleWords;
  const selected = usePlayground((s) => s.selectedOrderId);
  const total = usePlayground((s) => s.stream?.writeState?.totalAmount ?? null);
  const busy = usePlayground((s) => s.busy);
  const send = usePlayground((s) => s.send);
  const [type, setType] = useState<CommandType>('CreateOrder');
  const [values, setValues] = useState<Record<string, string>>(() => defaultValues('CreateOrder', null, words));
  const [items, setItems] = useState<ItemDraft[]>(() => defaultItems(words));
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    setValues(defaultValues(type, total, words));
    setTouched(false);
    // `words` is a fresh object on each render; the language is what changes it.
  }, [type, selected, total, i18n.language]);
  useEffect(() => {
    setItems(defaultItems(words));
  }, [i18n.language]);

  const problems: Record<string, string> = {};
  for (const f of FIELDS[type]) {
    const p = checkField(f.kind, values[f.name] ?? '');
    if (p) problems[f.name] = p;
  }
  const itemProblems = type === 'CreateOrder' ? items.map((i) => ({ quantity: checkField('int', i.quantity), unitPrice: checkField('money', i.unitPrice) })) : [];
  const needsOrder = type !== 'CreateOrder' && !selected;
  const invalid = Object.keys(problems).length > 0 || itemProblems.some((p) => p.quantity || p.unitPrice) || needsOrder;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (invalid) return;
    await send(buildCommand(type, selected ?? '', values, items));
  }

  return (
    <section className="pg-card" aria-labelledby="pg-commands-title">
      <h2 id="pg-commands-title">{t('commands.title')}</h2>
      <OrderPicker />
      <div className="pg-command-types" role="radiogroup" aria-label={t('commands.type')}>
        {COMMAND_TYPES.map((c) => (
          <button key={c} type="button" role="radio" aria-checked={type === c} className={type === c ? 'active' : ''} data-testid={`pg-cmd-${c}`} onClick={() => setType(c)}>
            {t(`cmd.${c}`)}
          </button>
        ))}
      </div>
      <form className="pg-form" onSubmit={(e) => void submit(e)} noValidate data-testid="pg-command-form">
        {FIELDS[type].map((f) => (
          <FieldInput key={f.name} spec={f} value={values[f.name] ?? ''} problem={touched || values[f.name] ? problems[f.name] : undefined} onChange={(v) => setValues({ ...values, [f.name]: v })} />
        ))}
        {type === 'CreateOrder' && <ItemsEditor items={items} problems={itemProblems} onChange={setItems} />}
        {needsOrder && <p className="pg-field-problem">{t('form.needOrder')}</p>}
        <button className="primary" type="submit" disabled={busy || invalid} data-testid="pg-send">
          {t('commands.send', { command: t(`cmd.${type}`) })}
        </button>
      </form>
      <OutcomeBanner />
    </section>
  );
}
