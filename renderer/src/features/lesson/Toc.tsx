// The sticky table of contents: h2 sections with their h3 subsections, the one in view highlighted,
// the ones already read ticked, and a reading-progress bar.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLessonStore } from './lessonStore';
import type { TocEntry } from './markdown';

const WIDE = window.matchMedia('(min-width: 1101px)');

export function Toc({ entries, lessonId, onGo }: { entries: TocEntry[]; lessonId: string; onGo: (id: string) => void }) {
  const { t } = useTranslation('lesson');
  const activeId = useLessonStore((s) => s.activeId);
  const sectionsRead = useLessonStore((s) => s.sectionsRead);
  const read = new Set(sectionsRead);
  const total = entries.length;
  const readCount = entries.filter((e) => read.has(e.id)).length;
  const navRef = useRef<HTMLElement>(null);
  // Beside the text on wide screens the contents stay open; above it on narrow ones (small laptops,
  // projectors) they start folded so the lesson is not pushed a screen down.
  const [open, setOpen] = useState(() => WIDE.matches);
  useEffect(() => {
    const onChange = () => setOpen(WIDE.matches);
    WIDE.addEventListener('change', onChange);
    return () => WIDE.removeEventListener('change', onChange);
  }, []);

  // Keep the current entry visible inside the (separately scrolling) sticky contents box.
  useEffect(() => {
    const box = navRef.current?.closest<HTMLElement>('.lesson-aside');
    const link = navRef.current?.querySelector<HTMLElement>('[aria-current="location"]');
    if (!box || !link || box.scrollHeight <= box.clientHeight) return;
    const boxRect = box.getBoundingClientRect();
    const linkRect = link.getBoundingClientRect();
    if (linkRect.top < boxRect.top + 40 || linkRect.bottom > boxRect.bottom - 40) {
      box.scrollTop += linkRect.top - boxRect.top - box.clientHeight / 3;
    }
  }, [activeId]);
  return (
    <nav className="lesson-toc" aria-label={t('toc')} data-testid="lesson-toc" ref={navRef}>
      <details open={open} className="toc-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
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
