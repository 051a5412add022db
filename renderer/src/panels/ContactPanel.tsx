import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addContact, compose, deleteContacts, newId, setPositions, updateContact } from '../../../shared/document/commands.js';
import type { CarnetDocument, Position } from '../../../shared/document/schema.js';
import { Icon } from '../components/Icon.js';
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js';
import { useStore } from '../state/StoreContext.js';
import { CategoryChips } from './CategoryChips.js';
import { CommonPoints } from './CommonPoints.js';
import { EMPTY_DRAFT, contactFields, draftOf, sameDraft, validateDraft, type ContactDraft, type DraftErrors } from './contactDraft.js';
import { InteractionList } from './InteractionList.js';
import { ContactDuplicates } from '../import/ContactDuplicates.js';
import { TagInput } from './TagInput.js';
import { ValueListEditor } from './ValueListEditor.js';

export type PanelTarget = { kind: 'edit'; id: string } | { kind: 'new' };

type Props = {
  doc: CarnetDocument;
  /** Bumped on every change to `doc`, which is edited in place. */
  version: number;
  target: PanelTarget;
  /** Where a new contact is drawn. */
  newPosition(): Position;
  onOpen(target: PanelTarget | null): void;
};

/** Views and edits one contact (or a new one); every save is one undoable ChangeSet. */
export function ContactPanel({ doc, version, target, newPosition, onOpen }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const contact = target.kind === 'edit' ? doc.contacts[target.id] : undefined;
  // applyChangeSet stores a fresh object for each contact it puts: identity tells whether this one changed.
  const original = useMemo(() => (contact ? draftOf(contact) : EMPTY_DRAFT), [contact]);
  const [draft, setDraft] = useState<ContactDraft>(original);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const ids = { name: useId(), org: useId(), title: useId(), city: useId(), notes: useId() };
  const key = target.kind === 'edit' ? target.id : 'new';

  // A different contact, or this one changed elsewhere (undo, another window): show what is stored now.
  useEffect(() => {
    setDraft(original);
    setErrors({});
  }, [original]);

  useEffect(() => {
    nameRef.current?.focus();
  }, [key]);

  // Undoing the creation of the contact on screen, or deleting it elsewhere, closes the panel.
  useEffect(() => {
    if (target.kind === 'edit' && !contact) onOpen(null);
  }, [target, contact, onOpen]);

  const interactions = useMemo(() => {
    if (target.kind !== 'edit') return [];
    return Object.values(doc.interactions)
      .filter((i) => i.contacts.includes(target.id))
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }, [doc, target, version]);

  const categories = useMemo(() => Object.values(doc.categories).sort((a, b) => a.name.localeCompare(b.name)), [doc, version]);

  const dirty = !sameDraft(draft, original);
  const update = (patch: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const errorText = (field: keyof DraftErrors) => {
    const e = errors[field];
    return e ? t(e.key, e.params ?? {}) : undefined;
  };

  const save = async () => {
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (found.name) nameRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      if (target.kind === 'new') {
        const id = newId('c');
        const set = compose({ key: 'labels.addContact' }, addContact(doc, { ...contactFields(draft), id }), setPositions({ [id]: newPosition() }));
        if (await store.apply(set)) onOpen({ kind: 'edit', id });
      } else if (contact && dirty) {
        await store.apply(updateContact(doc, contact.id, contactFields(draft, contact)));
      }
    } catch (e) {
      store.fail(e);
    } finally {
      setSaving(false);
    }
  };

  const title = target.kind === 'new' ? t('panel.newTitle') : (contact?.name ?? '');

  return (
    <aside
      className="side-panel"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        // Escape closes a card with nothing to lose; with unsaved edits the user must choose Save or Discard.
        if (e.key === 'Escape' && !dirty && !confirmDelete) onOpen(null);
      }}
    >
      <form
        className="panel-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <header className="panel-header">
          <div className="panel-heading">
            <p className="eyebrow">{t(target.kind === 'new' ? 'panel.newEyebrow' : 'panel.editEyebrow')}</p>
            <h2 id={headingId}>{title}</h2>
          </div>
          <button type="button" className="icon-button" aria-label={t('panel.close')} title={t('panel.close')} onClick={() => onOpen(null)}>
            <Icon name="close" />
          </button>
        </header>

        <div className="panel-body">
          <div className="field">
            <label htmlFor={ids.name}>
              {t('panel.name')} <span className="required">{t('panel.required')}</span>
            </label>
            <input
              id={ids.name}
              ref={nameRef}
              type="text"
              value={draft.name}
              required
              autoComplete="off"
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? `${ids.name}-error` : undefined}
              onChange={(e) => update({ name: e.target.value })}
            />
            {errors.name && (
              <p id={`${ids.name}-error`} className="field-error" role="alert">
                {errorText('name')}
              </p>
            )}
          </div>

          <div className="field-row">
            <div className="field">
              <label htmlFor={ids.org}>{t('panel.organization')}</label>
              <input id={ids.org} type="text" value={draft.organization} autoComplete="off" onChange={(e) => update({ organization: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={ids.title}>{t('panel.jobTitle')}</label>
              <input
                id={ids.title}
                type="text"
                value={draft.title}
                autoComplete="off"
                aria-invalid={errors.title ? true : undefined}
                aria-describedby={errors.title ? `${ids.title}-error` : undefined}
                onChange={(e) => update({ title: e.target.value })}
              />
            </div>
          </div>
          {errors.title && (
            <p id={`${ids.title}-error`} className="field-error" role="alert">
              {errorText('title')}
            </p>
          )}

          <div className="field">
            <label htmlFor={ids.city}>{t('panel.city')}</label>
            <input id={ids.city} type="text" value={draft.city} autoComplete="off" onChange={(e) => update({ city: e.target.value })} />
          </div>

          <ValueListEditor
            legend={t('panel.emails')}
            type="email"
            values={draft.emails}
            addLabel={t('panel.addEmail')}
            removeLabel={(v, i) => t('panel.removeValue', { value: v || String(i + 1) })}
            error={errorText('emails')}
            onChange={(emails) => update({ emails })}
          />
          <ValueListEditor
            legend={t('panel.phones')}
            type="tel"
            values={draft.phones}
            addLabel={t('panel.addPhone')}
            removeLabel={(v, i) => t('panel.removeValue', { value: v || String(i + 1) })}
            error={errorText('phones')}
            onChange={(phones) => update({ phones })}
          />

          {contact && <CommonPoints contact={contact} me={doc.me} />}
          {contact && <ContactDuplicates doc={doc} version={version} contact={contact} onOpen={(id) => onOpen({ kind: 'edit', id })} />}

          <TagInput tags={draft.tags} onChange={(tags) => update({ tags })} />
          <CategoryChips categories={categories} selected={draft.categories} onChange={(c) => update({ categories: c })} />

          <div className="field">
            <label htmlFor={ids.notes}>{t('panel.notes')}</label>
            <textarea id={ids.notes} rows={4} value={draft.notes} onChange={(e) => update({ notes: e.target.value })} />
          </div>

          {target.kind === 'edit' && <InteractionList interactions={interactions} />}
        </div>

        <footer className="panel-footer">
          {target.kind === 'edit' && (
            <button type="button" className="button danger-quiet" onClick={() => setConfirmDelete(true)}>
              <Icon name="trash" size={16} />
              {t('panel.delete')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={() => (dirty ? setDraft(original) : onOpen(null))}>
            {t(dirty ? 'panel.revert' : 'panel.close')}
          </button>
          <button type="submit" className="button primary" disabled={saving || (target.kind === 'edit' && !dirty)}>
            {t(target.kind === 'new' ? 'panel.create' : 'panel.save')}
          </button>
        </footer>
      </form>
      {confirmDelete && contact && (
        <ConfirmDialog
          title={t('panel.confirmDeleteTitle')}
          message={t('panel.confirmDeleteMessage', { name: contact.name })}
          confirmLabel={t('panel.delete')}
          onClose={() => setConfirmDelete(false)}
          onConfirm={() => {
            void store.apply(deleteContacts(doc, [contact.id])).then((ok) => ok && onOpen(null));
          }}
        />
      )}
    </aside>
  );
}
