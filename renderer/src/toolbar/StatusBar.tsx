import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { useFilteredCount } from '../filters/filterState.js';
import { Icon } from '../components/Icon.js';

type Props = { doc: CarnetDocument | null; path: string; version: number; readOnly?: boolean };

/** Counts of what the document holds, where it is saved, and whether it can be edited. */
export function StatusBar({ doc, path, readOnly }: Props) {
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
