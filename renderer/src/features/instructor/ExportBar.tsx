// Where the reports are (the same files the CLI writes), plus downloads for the browser host.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GradingResult } from './gradingStore';
import { gradebookCsv } from '@common/gradebookCsv';
import { gradebookWideCsv } from '@common/wideGradebook';

export function ExportBar({ result }: { result: GradingResult }) {
  const { t } = useTranslation('instructor');
  const urls = useMemo(() => {
    if (!result.gradebook) return null;
    return {
      json: URL.createObjectURL(new Blob([JSON.stringify(result.gradebook, null, 2)], { type: 'application/json' })),
      csv: URL.createObjectURL(new Blob([gradebookCsv(result.gradebook.entries)], { type: 'text/csv' })),
      wide: URL.createObjectURL(new Blob([gradebookWideCsv(result.gradebook)], { type: 'text/csv' })),
    };
  }, [result.gradebook]);
  return (
    <div className="grading-export card" data-testid="grading-export">
      <div>
        {t('done')} <code data-testid="grading-outdir">{result.outDir}</code>
      </div>
      <details className="muted">
        <summary>{t('filesCount', { count: result.files.length })}</summary>
        {result.files.join(', ')}
      </details>
      {urls && (
        <div className="grading-downloads">
          <a href={urls.json} download="gradebook.json">{t('downloadJson')}</a>
          <a href={urls.csv} download="gradebook.csv">{t('downloadCsv')}</a>
          <a href={urls.wide} download="gradebook-wide.csv">{t('downloadWide')}</a>
        </div>
      )}
    </div>
  );
}
