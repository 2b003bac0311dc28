// The sticky table of contents: h2 sections with their h3 subsections, the one in view highlighted,
// the ones already read ticked, and a reading-progress bar.
import { useTranslation } from 'react-i18next';
import { useLessonStore } from './lessonStore';
import type { TocEntry } from './markdown';

export function Toc({ entries, lessonId, onGo }: { entries: TocEntry[]; lessonId: string; onGo: (id: string) => void }) {
  const { t } = useTranslation('lesson');
  const activeId = useLessonStore((s) => s.activeId);
  const sectionsRead = useLessonStore((s) => s.sectionsRead);
  const read = new Set(sectionsRead);
  const total = entries.length;
  const readCount = entries.filter((e) => read.has(e.id)).length;
  return (
    <nav className="lesson-toc" aria-label={t('toc')} data-testid="lesson-toc">
      <details open className="toc-details">
        <summary className="toc-title">{t('toc')}</summary>
        <div className="toc-progress" data-testid="toc-progress" data-read={readCount} data-total={total}>
          <div className="toc-progress-bar" aria-hidden="true">
            <span style={{ width: total ? `${(readCount / total) * 100}%` : 0 }} />
          </div>
          <span>{t('progress', { read: readCount, total })}</span>
        </div>
        <ol className="toc-list">
          {entries.map((e) => {
            const isActive = e.id === activeId;
            const isRead = read.has(e.id);
            return (
              <li key={e.id} className={`toc-item level-${e.level}${isActive ? ' active' : ''}${isRead ? ' read' : ''}`}>
                <a
                  href={`#/lesson/${encodeURIComponent(lessonId)}/${encodeURIComponent(e.id)}`}
                  data-testid={`toc-link-${e.id}`}
                  data-toc-id={e.id}
                  aria-current={isActive ? 'location' : undefined}
                  onClick={(ev) => {
                    ev.preventDefault();
                    onGo(e.id);
                  }}
                >
                  <span className="toc-text">{e.text}</span>
                  {isRead && (
                    <span className="toc-read" aria-label={t('sectionRead')} title={t('sectionRead')}>
                      ✓
                    </span>
                  )}
                </a>
              </li>
            );
          })}
        </ol>
      </details>
    </nav>
  );
}
