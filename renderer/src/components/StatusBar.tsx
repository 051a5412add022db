import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { useFilteredCount } from '../filters/filterState.js';

type Props = { doc: CarnetDocument | null; path: string; version: number; /** Shown between the counts and the path (the reminders). */ children?: ReactNode };

/** Counts of what the document holds, and where it is saved. */
export function StatusBar({ doc, path, children }: Props) {
  const { t, i18n } = useTranslation();
  const n = new Intl.NumberFormat(i18n.language);
  const filtered = useFilteredCount();
  const count = (key: string, value: number) => (
    <span className="status-item" data-testid={`status-${key}`}>
      {t(`status.${key}`, { count: value, formatted: n.format(value) })}
    </span>
  );
  return (
    <footer className="status-bar">
      {doc && (
        <div className="status-counts" aria-live="polite">
          {filtered === null ? (
            count('contacts', Object.keys(doc.contacts).length)
          ) : (
            <span className="status-item" data-testid="status-contacts">
              {t('filters.shown', { count: Object.keys(doc.contacts).length, shown: n.format(filtered), formatted: n.format(Object.keys(doc.contacts).length) })}
            </span>
          )}
          {count('ties', Object.keys(doc.ties).length)}
          {count('interactions', Object.keys(doc.interactions).length)}
        </div>
      )}
      {children}
      {path && (
        <div className="status-path" title={path}>
          <span className="visually-hidden">{t('status.path')} </span>
          {path}
        </div>
      )}
    </footer>
  );
}
