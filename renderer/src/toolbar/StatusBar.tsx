import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { useFilteredCount } from '../filters/filterState.js';
import { Icon } from '../components/Icon.js';
import type { DocumentSizes } from '../analysis/protocol.js';

type Props = {
  doc: CarnetDocument | null;
  /** How many contacts, ties and interactions `doc` holds, counted off the UI thread; null until they are. */
  sizes: DocumentSizes | null;
  path: string;
  version: number;
  readOnly?: boolean;
  /** Shown between the counts and the path (the reminders). */
  children?: ReactNode;
};

/** Counts of what the document holds, where it is saved, and whether it can be edited. */
export function StatusBar({ doc, sizes, path, readOnly, children }: Props) {
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
      {doc && sizes && (
        <div className="status-counts" aria-live="polite">
          {filtered === null ? (
            count('contacts', sizes.contacts)
          ) : (
            <span className="status-item" data-testid="status-contacts">
              {t('filters.shown', { count: sizes.contacts, shown: n.format(filtered), formatted: n.format(sizes.contacts) })}
            </span>
          )}
          {count('ties', sizes.ties)}
          {count('interactions', sizes.interactions)}
        </div>
      )}
      {children}
      {readOnly && (
        <span className="status-readonly" data-testid="status-readonly" title={t('status.readOnlyHint')}>
          <Icon name="lock" size={12} />
          {t('status.readOnly')}
        </span>
      )}
      {path && (
        <div className="status-path" title={path}>
          <span className="visually-hidden">{t('status.path')} </span>
          {path}
        </div>
      )}
    </footer>
  );
}
