// The sample order's names and address in each language: the playground's command forms start with
// them (renderer) and its scenarios and sagas write them into events (engine), so both show a student
// the same order.
export const SAMPLE_ORDER_TEXTS = {
  en: { customerId: 'alice', address: '12 Harbour Road, Portsmouth', keyboard: 'Keyboard', cable: 'USB cable', mouse: 'Mouse' },
  ru: { customerId: 'anya-k', address: 'ул. Гаванская, 12, Казань', keyboard: 'Клавиатура', cable: 'Кабель USB', mouse: 'Мышь' },
} as const satisfies Record<'ru' | 'en', { customerId: string; address: string; keyboard: string; cable: string; mouse: string }>;
