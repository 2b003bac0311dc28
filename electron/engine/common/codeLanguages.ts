// The languages a lesson's code fence may name and be highlighted in: for each name, the grammar the
// engine highlights it with (content/codeHighlighter.ts) and the label the lesson page shows above the
// block (renderer fences.ts). Other names stay plain code under their own name.
export const CODE_LANGUAGES: Readonly<Record<string, { grammar: string; label: string }>> = {
  ts: { grammar: 'typescript', label: 'TypeScript' },
  typescript: { grammar: 'typescript', label: 'TypeScript' },
  tsx: { grammar: 'typescript', label: 'TypeScript' },
  js: { grammar: 'typescript', label: 'JavaScript' },
  javascript: { grammar: 'typescript', label: 'JavaScript' },
  py: { grammar: 'python', label: 'Python' },
  python: { grammar: 'python', label: 'Python' },
  json: { grammar: 'json', label: 'JSON' },
  jsonc: { grammar: 'json', label: 'JSON' },
  sql: { grammar: 'sql', label: 'SQL' },
  sh: { grammar: 'shellscript', label: 'Shell' },
  shell: { grammar: 'shellscript', label: 'Shell' },
  bash: { grammar: 'shellscript', label: 'Shell' },
  zsh: { grammar: 'shellscript', label: 'Shell' },
  console: { grammar: 'shellscript', label: 'Shell' },
  shellscript: { grammar: 'shellscript', label: 'Shell' },
};
