// One test's result in the UI's language: status, name and time; when it failed, the message, the given/when/then
// story (given events, the command, expected vs actual events or error codes), the console output
// and a link to the test's line.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestResult } from '../workspace/types';
import { revealAt } from '../workspace/store';
import { DiffView } from './DiffView';
import { pretty } from './lineDiff';
import { formatMs } from '../../../components/formatNumber';
import { messageText, readerValue, testName } from './wording';

export const STATUS_ICON = { pass: '✓', fail: '✗', error: '!' } as const;

export function TestItem({ test, testFiles, defaultOpen }: { test: TestResult; testFiles: Set<string>; defaultOpen: boolean }) {
  const { t, i18n } = useTranslation('exercises');
  const [open, setOpen] = useState(defaultOpen);
  const failed = test.status !== 'pass';
  const hasDetails = failed || !!test.output;
  const message = messageText(test.message, test.message_phrase, i18n.language);
  const canOpenTest = test.visibility === 'visible' && !!test.file && !!test.line && testFiles.has(test.file);
  return (
    <li className={`ex-test ex-test-${test.status}`} data-testid="test-result" data-status={test.status}>
      <div className="ex-test-head">
        <span className={`ex-status-icon ex-status-${test.status}`} aria-hidden="true">{STATUS_ICON[test.status]}</span>
        <span className="sr-only">{t(`results.status.${test.status}`)}</span>
        <span className="ex-test-name">{testName(test, i18n.language)}</span>
        <span className="ex-test-time muted">{t('results.duration', { ms: formatMs(test.duration_ms, i18n.language) })}</span>
        {hasDetails && (
          <button className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('results.hideDetails') : t('results.showDetails')}
          </button>
        )}
      </div>
      {open && hasDetails && (
        <div className="ex-test-body">
          {failed && message && <pre className="ex-message" data-testid="test-message">{message}</pre>}
          {failed && <GivenWhenThen test={test} />}
          {test.output && (
            <section>
              <h5>{t('results.output')}</h5>
              <pre className="ex-output" data-testid="test-output">{test.output}</pre>
            </section>
          )}
          {failed && test.test_code && (
            <details className="ex-test-code">
              <summary>{t('results.testCode')}</summary>
              <pre className="ex-json">{test.test_code}</pre>
            </details>
          )}
          {failed && canOpenTest && (
            // The failing assertion's line when the runner knows it, else the test's own line.
            <button className="link-button" data-testid="open-test-line" data-line={test.failed_line ?? test.line} onClick={() => revealAt(test.file!, test.failed_line ?? test.line!)}>
              {t('results.openTest', { line: test.failed_line ?? test.line })} → {test.file}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function GivenWhenThen({ test: raw }: { test: TestResult }) {
  const { t, i18n } = useTranslation('exercises');
  // Values as the reader's language shows them (a `say()` text inside a log entry shows one half).
  const test = { ...raw, given: readerValue(raw.given, i18n.language), command: readerValue(raw.command, i18n.language), expected_events: readerValue(raw.expected_events, i18n.language), actual_events: readerValue(raw.actual_events, i18n.language) };
  const hasEvents = test.expected_events !== undefined || test.actual_events !== undefined;
  // Error codes matter when one was expected, or when one came instead of the expected events.
  const hasCodes = (test.expected_error_code ?? null) !== null || ((test.actual_error_code ?? null) !== null && !hasEvents) || ((test.actual_error_code ?? null) !== null && test.expected_events !== undefined);
  if (test.given === undefined && test.command === undefined && !hasEvents && !hasCodes) return null;
  const given = Array.isArray(test.given) ? (test.given as unknown[]) : test.given === undefined ? null : [test.given];
  return (
    <div className="ex-gwt" data-testid="gwt">
      {given && (
        <section>
          <h5>{t('results.given')}</h5>
          {given.length === 0 ? (
            <p className="muted">{t('results.givenNone')}</p>
          ) : (
            <ol className="ex-given">
              {given.map((e, i) => (
                <li key={i}>
                  <EventLine event={e} />
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {test.command !== undefined && (
        <section>
          <h5>{t('results.when')}</h5>
          <pre className="ex-json">{pretty(test.command)}</pre>
        </section>
      )}
      {hasEvents && (
        <DiffView
          expectedLabel={t('results.expectedEvents')}
          actualLabel={t('results.actualEvents')}
          expected={eventsText(test.expected_events, t('results.noEvents'))}
          actual={eventsText(test.actual_events, t('results.noEvents'))}
        />
      )}
      {hasCodes && (
        <div className="ex-codes">
          <div>
            <h5>{t('results.expectedError')}</h5>
            <code className="ex-code-box">{test.expected_error_code ?? t('results.noError')}</code>
          </div>
          <div>
            <h5>{t('results.actualError')}</h5>
            <code className={`ex-code-box ${test.expected_error_code !== test.actual_error_code ? 'ex-code-bad' : ''}`}>
              {test.actual_error_code ?? t('results.noError')}
            </code>
          </div>
        </div>
      )}
    </div>
  );
}

function eventsText(events: unknown, none: string): string {
  if (events === undefined || events === null || (Array.isArray(events) && events.length === 0)) return `(${none})`;
  return pretty(events);
}

/** An event in one line: its type in bold, then its fields compactly. */
function EventLine({ event }: { event: unknown }) {
  if (!event || typeof event !== 'object') return <code>{pretty(event)}</code>;
  // The stream id is the same for every event of a test; the type and version lead the line.
  const { type, version, aggregateId: _id, ...rest } = event as { type?: unknown; version?: unknown; aggregateId?: unknown } & Record<string, unknown>;
  return (
    <>
      <strong>{String(type ?? '?')}</strong>
      {version !== undefined && <span className="badge ex-version">v{String(version)}</span>}{' '}
      <code className="ex-event-fields">{JSON.stringify(rest)}</code>
    </>
  );
}
