// Numbers as the student's locale writes them: "1,236" in English, "1 236" in Russian.
export function formatMs(ms: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.round(ms));
}
