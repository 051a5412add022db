import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { keepApart, mergeContacts, possibleDuplicatesOf } from '../../../shared/document/duplicates.js';
import type { CarnetDocument, Contact } from '../../../shared/document/schema.js';
import { useStore } from '../state/StoreContext.js';
import { PersonCardView } from './DuplicatesSection.js';
import './import.css';

type Props = {
  doc: CarnetDocument;
  /** Bumped on every change to `doc`, which is edited in place. */
  version: number;
  contact: Contact;
  /** Opens another contact in the panel. */
  onOpen(id: string): void;
};

/**
 * The contact panel's "possible duplicates": contacts that may be this same person (names alike at a
 * shared organization, or the same name). Merge makes them one contact, in one undo step; "keep apart"
 * is remembered, so the question is not asked again.
 */
export function ContactDuplicates({ doc, version, contact, onOpen }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const titleId = useId();
  // The version is what tells that the document, edited in place, changed.
  const candidates = useMemo(() => possibleDuplicatesOf(doc, contact.id), [doc, contact, version]);
  if (candidates.length === 0) return null;
  return (
    <section className="contact-duplicates" aria-labelledby={titleId} data-testid="contact-duplicates">
      <h3 id={titleId}>{t('import.duplicates.panelTitle')}</h3>
      <p className="hint">{t('import.duplicates.panelIntro', { name: contact.name })}</p>
      <ul>
        {candidates.map((c) => {
          const other = doc.contacts[c.id]!;
          return (
            <li key={c.id} className="contact-duplicate">
              <PersonCardView card={{ ...other, emails: other.emails.map((e) => e.value), phones: other.phones.map((p) => p.value) }} where={t(`import.duplicates.reasons.${c.reason}`)} />
              <div className="contact-duplicate-actions">
                <button type="button" className="button small primary" onClick={() => void store.apply(mergeContacts(doc, contact.id, c.id))}>
                  {t('import.duplicates.mergeInto', { name: contact.name })}
                </button>
                <button type="button" className="button small" onClick={() => void store.apply(keepApart(doc, contact.id, c.id))}>
                  {t('import.duplicates.keepApart')}
                </button>
                <button type="button" className="button small" onClick={() => onOpen(c.id)}>
                  {t('import.duplicates.open', { name: other.name })}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
