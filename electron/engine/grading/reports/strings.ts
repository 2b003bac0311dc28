// The texts of the reports this module words in the instructor's language (English and Russian). A key
// missing in one language is a compile error: `ru` is typed by `en`.
export type ReportLang = 'en' | 'ru';

const en = {
  similarity: {
    title: 'Similarity report',
    intro:
      'Each submission was compared with every other submission of the same exercise, with the exercise’s solution and with the engine’s reference code. Code is compared as normalised token streams (names, literals, comments and layout do not matter) through winnowed fingerprints, so renamed identifiers and moved functions still match. The starter’s own code never counts.',
    caution: 'A high score is a reason to look at the code side by side, not proof: short or tightly specified tasks make honest solutions look alike.',
    threshold: 'Threshold',
    compared: 'Reference code compared',
    none: 'No pair reached the threshold.',
    highestTitle: 'Each submission’s highest similarity',
    student: 'Student',
    exercise: 'Exercise',
    highest: 'Highest',
    with: 'With',
    reference: 'reference',
    tooLittle: 'too little own code to compare',
    pairsTitle: 'Pairs at or above the threshold',
    pairsCount: '{{shown}} of {{total}} pair(s), highest first.',
    shares: '{{a}} of {{aName}}’s own code is also in {{bName}}',
    sharesBoth: '{{a}} of {{aName}}’s own code is also in {{bName}}; {{b}} the other way',
    regions: 'Matching regions',
    lines: '{{file}}, lines {{from}}–{{to}}',
    noRegions: 'Matching regions are shown for the highest pairs only.',
    morePairs: 'More pairs',
  },
};

const ru: typeof en = {
  similarity: {
    title: 'Отчёт о схожести',
    intro:
      'Каждая работа сравнивается со всеми другими работами по тому же упражнению, с эталонным решением упражнения и с эталонным кодом движка. Код сравнивается как нормализованный поток лексем (имена, литералы, комментарии и оформление не важны) по отпечаткам (winnowing), поэтому переименованные идентификаторы и переставленные функции всё равно совпадают. Код заготовки не учитывается.',
    caution: 'Высокая схожесть — повод посмотреть на код рядом, а не доказательство: у коротких и строго заданных задач честные решения бывают похожи.',
    threshold: 'Порог',
    compared: 'С каким эталонным кодом сравнивали',
    none: 'Ни одна пара не достигла порога.',
    highestTitle: 'Наибольшая схожесть каждой работы',
    student: 'Студент',
    exercise: 'Упражнение',
    highest: 'Наибольшая',
    with: 'С кем',
    reference: 'эталон',
    tooLittle: 'слишком мало своего кода для сравнения',
    pairsTitle: 'Пары на пороге и выше',
    pairsCount: 'Показано пар: {{shown}} из {{total}}, по убыванию.',
    shares: '{{a}} собственного кода {{aName}} есть и в {{bName}}',
    sharesBoth: '{{a}} собственного кода {{aName}} есть и в {{bName}}; {{b}} — в обратную сторону',
    regions: 'Совпадающие фрагменты',
    lines: '{{file}}, строки {{from}}–{{to}}',
    noRegions: 'Совпадающие фрагменты показаны только для пар с наибольшей схожестью.',
    morePairs: 'Остальные пары',
  },
};

export const REPORT_STRINGS: Record<ReportLang, typeof en> = { en, ru };

/** Fills {{name}} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}
