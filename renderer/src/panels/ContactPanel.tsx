import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addContact, compose, deleteContacts, newId, setPositions, updateContact } from '../../../shared/document/commands.js';
import { contactById, setArchived } from '../../../shared/document/contacts.js';
import type { CarnetDocument, Position } from '../../../shared/document/schema.js';
import { Icon } from '../components/Icon.js';
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js';
import { useStore } from '../state/StoreContext.js';
import { CategoryChips } from './CategoryChips.js';
import { CommonPoints } from './CommonPoints.js';
import { ContactDuplicates } from '../import/ContactDuplicates.js';
import { EMPTY_DRAFT, contactFields, draftOf, validateDraft, type ContactDraft, type DraftErrors } from './contactDraft.js';
import { InteractionsSection } from './InteractionsSection.js';
import { PanelShell } from './PanelShell.js';
import { useUnsavedGuard, type GuardRef, type PanelTarget } from './panelGuard.js';
import { PendingEditsProvider, usePendingEdits } from './pendingEdits.js';
import { rebaseDraft, sameDraft } from './rebase.js';
import { RelationshipFields } from './RelationshipFields.js';
import { SchoolListEditor } from './SchoolListEditor.js';
import { TagInput } from './TagInput.js';
import { TiesSection } from './TiesSection.js';
import { ValueListEditor } from './ValueListEditor.js';

type Props = {
  doc: CarnetDocument;
  /** Bumped on every change to `doc`, which is edited in place. */
  version: number;
  target: { kind: 'edit'; id: string } | { kind: 'new' };
  /** Where a new contact is drawn. */
  newPosition(): Position;
  /** Opens another panel or closes this one (null), through the unsaved-changes guard. */
  onOpen(target: PanelTarget | null): void;
  guardRef: GuardRef;
};

/**
 * Views and edits one contact (or a new one). The card's fields are a draft saved as one undoable ChangeSet;
 * the sections that record something apart from the card (interactions, ties) and the header's actions
 * (archive, delete) apply at once, each its own undo step.
 */
export function ContactPanel({ doc, version, target, newPosition, onOpen, guardRef }: Props) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const contact = target.kind === 'edit' ? contactById(doc, target.id) : undefined;
  // applyChangeSet stores a fresh object for each contact it puts: identity tells whether this one changed.
  const original = useMemo(() => (contact ? draftOf(contact) : EMPTY_DRAFT), [contact]);
  const [draft, setDraft] = useState<ContactDraft>(original);
  const [base, setBase] = useState<ContactDraft>(original);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const ids = { name: useId(), org: useId(), title: useId(), city: useId(), notes: useId() };

  // This contact changed elsewhere (archive, undo, another window): fields the user did not touch follow it.
  if (original !== base) {
    setBase(original);
    setDraft(rebaseDraft(draft, base, original));
  }

  const draftDirty = !sameDraft(draft, original);
  // An interaction or a tie being typed in the card is unsaved too.
  const pending = usePendingEdits();
  const dirty = draftDirty || pending.pending;
  const guard = useUnsavedGuard(guardRef, dirty);

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  // Undoing the creation of the contact on screen, or deleting it elsewhere, closes the panel: nothing to save.
  useEffect(() => {
    if (target.kind === 'edit' && !contact) {
      guard.release();
      onOpen(null);
    }
  }, [target, contact, onOpen]);

  const categories = useMemo(() => Object.values(doc.categories).sort((a, b) => a.name.localeCompare(b.name, i18n.language)), [doc, version, i18n.language]);

  const update = (patch: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const errorText = (field: Exclude<keyof DraftErrors, 'schools'>) => {
    const e = errors[field];
    return e ? t(e.key, e.params ?? {}) : undefined;
  };

  const save = async (): Promise<boolean> => {
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (found.name) nameRef.current?.focus();
      return false;
    }
    if (target.kind === 'edit' && !contact) return true;
    if (target.kind === 'edit' && !draftDirty) return pending.submitAll();
    setSaving(true);
    try {
      if (target.kind === 'new') {
        const id = newId('c');
        const set = compose({ key: 'labels.addContact' }, addContact(doc, { ...contactFields(draft), id }), setPositions({ [id]: newPosition() }));
        const ok = await store.apply(set);
        if (ok) {
          guard.release();
          onOpen({ kind: 'edit', id });
        }
        return ok;
      }
      const ok = await store.apply(updateContact(doc, contact!.id, contactFields(draft, contact)));
      // What was stored is the draft now, tidied (trimmed, blank rows dropped), whenever the change reached the panel.
      const stored = ok ? contactById(store.get().doc ?? doc, contact!.id) : undefined;
      if (stored) setDraft(draftOf(stored));
      return ok && (await pending.submitAll());
    } catch (e) {
      store.fail(e);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const archive = (archived: boolean) => {
    if (contact) void store.apply(setArchived(doc, [contact.id], archived)).catch((e: unknown) => store.fail(e));
  };

  const isNew = target.kind === 'new';
  const headerExtra = contact && (
    <div className="panel-actions">
      {contact.archived && <span className="badge archived-badge">{t('panel.archived')}</span>}
      <button type="button" className="button quiet small" title={t(contact.archived ? 'panel.unarchiveHint' : 'panel.archiveHint')} onClick={() => archive(!contact.archived)}>
        <Icon name="archive" size={15} />
        {t(contact.archived ? 'panel.unarchive' : 'panel.archive')}
      </button>
      <button type="button" className="button danger-quiet small" onClick={() => setConfirmDelete(true)}>
        <Icon name="trash" size={15} />
        {t('panel.delete')}
      </button>
    </div>
  );

  return (
    <>
      <PanelShell
        eyebrow={t(isNew ? 'panel.newEyebrow' : 'panel.editEyebrow')}
        title={isNew ? t('panel.newTitle') : (contact?.name ?? '')}
        headerExtra={headerExtra}
        guard={guard}
        dirty={dirty}
        saving={saving}
        save={save}
        revert={() => {
          setDraft(original);
          setErrors({});
        }}
        canRevert={draftDirty}
        onClose={() => onOpen(null)}
        saveLabel={t(isNew ? 'panel.create' : 'panel.save')}
        alwaysSavable={isNew}
        unsavedMessage={isNew ? t('panel.unsavedMessageNew') : t('panel.unsavedMessage', { name: contact?.name ?? '' })}
      >
        {contact?.archived && <p className="hint archived-note">{t('panel.archivedNote')}</p>}
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

        <RelationshipFields
          doc={doc}
          strength={draft.strength}
          cadence={draft.cadence}
          categories={draft.categories}
          error={errorText('cadence')}
          onChange={update}
        />

        <PendingEditsProvider value={pending.registry}>
          {contact && <InteractionsSection doc={doc} contactId={contact.id} />}
          {contact && <TiesSection doc={doc} contactId={contact.id} onOpenContact={(id) => onOpen({ kind: 'edit', id })} />}
        </PendingEditsProvider>
        {contact && <CommonPoints contact={contact} me={doc.me} />}
        {contact && <ContactDuplicates doc={doc} version={version} contact={contact} onOpen={(id) => onOpen({ kind: 'edit', id })} />}

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

        <SchoolListEditor schools={draft.schools} error={errors.schools} onChange={(schools) => update({ schools })} />
        <TagInput tags={draft.tags} onChange={(tags) => update({ tags })} />
        <CategoryChips categories={categories} selected={draft.categories} onChange={(c) => update({ categories: c })} />

        <div className="field">
          <label htmlFor={ids.notes}>{t('panel.notes')}</label>
          <textarea id={ids.notes} rows={4} value={draft.notes} onChange={(e) => update({ notes: e.target.value })} />
        </div>
      </PanelShell>
      {confirmDelete && contact && (
        <ConfirmDialog
          title={t('panel.confirmDeleteTitle')}
          message={t('panel.confirmDeleteMessage', { name: contact.name })}
          confirmLabel={t('panel.delete')}
          onClose={() => setConfirmDelete(false)}
          onConfirm={() => {
            guard.release();
            void store.apply(deleteContacts(doc, [contact.id])).then((ok) => ok && onOpen(null));
          }}
        />
      )}
    </>
  );
}
