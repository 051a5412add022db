import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contactById } from '../../../shared/document/contacts.js';
import type { ChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { addTie, deleteTie, editTie, tiesOf, tieTypes, TieError } from '../../../shared/document/ties.js';
import { Icon } from '../components/Icon.js';
import { useStore } from '../state/StoreContext.js';
import { ContactPicker } from './ContactPicker.js';
import { usePendingEdit } from './pendingEdits.js';
import { useCollectionVersion } from './useCollectionVersion.js';

type Props = {
  doc: CarnetDocument;
  contactId: string;
  /** Opens another contact's card (through the unsaved-changes guard). */
  onOpenContact(id: string): void;
};

/** Enter submits the little form it is typed in, Escape leaves it; neither reaches the card around it. */
function keys(submit: () => void, cancel: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      cancel();
    } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      submit();
    }
  };
}

/**
 * Who this contact knows: the ties the user recorded between two contacts, with their type. Adding, retyping
 * and removing a tie are each one undoable step, applied at once.
 */
export function TiesSection({ doc, contactId, onOpenContact }: Props) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const headingId = useId();
  const ids = { type: useId(), error: useId(), types: useId(), editType: useId() };
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const [type, setType] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; type: string } | null>(null);

  const name = contactById(doc, contactId)?.name ?? '';
  // Names of the other ends change with the contacts; the ties themselves with the ties.
  const changed = useCollectionVersion('ties', 'contacts');
  const ties = useMemo(() => {
    const list = tiesOf(doc, contactId).map((x) => ({ ...x, name: contactById(doc, x.other)?.name ?? x.other }));
    return list.sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  }, [doc, contactId, changed, i18n.language]);
  const exclude = useMemo(() => new Set([contactId, ...ties.map((x) => x.other)]), [contactId, ties]);
  // The types in use are only offered while a tie is being typed.
  const typing = adding || editing !== null;
  const types = useMemo(() => (typing ? tieTypes(doc) : []), [doc, typing, changed]);

  const apply = async (set: ChangeSet) => {
    try {
      return await store.apply(set);
    } catch (e) {
      store.fail(e);
      return false;
    }
  };

  const resetAdd = () => {
    setAdding(false);
    setPicked(null);
    setType('');
    setError(null);
  };

  const submitAdd = async (): Promise<boolean> => {
    if (!picked) {
      setError(t('panel.errors.pickContact'));
      return false;
    }
    let set: ChangeSet;
    try {
      set = addTie(doc, contactId, picked.id, { type });
    } catch (e) {
      if (e instanceof TieError && e.code === 'exists') setError(t('panel.errors.tieExists', { a: name, b: picked.name }));
      else store.fail(e);
      return false;
    }
    const ok = await apply(set);
    if (ok) resetAdd();
    return ok;
  };

  const editedTie = editing ? ties.find((x) => x.tie.id === editing.id)?.tie : undefined;
  const submitEdit = async (): Promise<boolean> => {
    if (!editing || !editedTie) return true;
    const ok = await apply(editTie(doc, editing.id, { type: editing.type }));
    if (ok) setEditing(null);
    return ok;
  };

  // A tie being added or retyped counts as unsaved for the card (closing it asks; its Save submits it too).
  usePendingEdit(adding && (picked !== null || type.trim() !== ''), submitAdd);
  usePendingEdit(editedTie !== undefined && editing!.type.trim() !== (editedTie.type ?? ''), submitEdit);

  return (
    <section className="field ties-section" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId} className="section-title">
          {t('panel.knows')} <span className="count">{ties.length}</span>
        </h3>
        {!adding && (
          <button type="button" className="link-button" onClick={() => setAdding(true)}>
            <Icon name="plus" size={14} />
            {t('panel.addTie')}
          </button>
        )}
      </div>
      <datalist id={ids.types}>
        {types.map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
      {adding && (
        <div className="tie-editor" role="group" aria-label={t('panel.addTie')} onKeyDown={keys(() => void submitAdd(), resetAdd)}>
          <ContactPicker
            label={t('panel.pickContact', { name })}
            exclude={exclude}
            picked={picked}
            invalid={Boolean(error)}
            describedBy={error ? ids.error : undefined}
            onPick={(c) => {
              setPicked(c);
              setError(null);
            }}
          />
          <div className="field">
            <label htmlFor={ids.type}>{t('panel.tieType')}</label>
            <input id={ids.type} type="text" list={ids.types} autoComplete="off" maxLength={200} value={type} placeholder={t('panel.tieTypePlaceholder')} onChange={(e) => setType(e.target.value)} />
          </div>
          {error && (
            <p id={ids.error} className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="editor-actions">
            <button type="button" className="button" onClick={resetAdd}>
              {t('panel.interaction.cancel')}
            </button>
            <button type="button" className="button primary" onClick={() => void submitAdd()}>
              {t('panel.addTieSubmit')}
            </button>
          </div>
        </div>
      )}
      {ties.length === 0 && !adding && <p className="hint">{t('panel.noTies', { name })}</p>}
      {ties.length > 0 && (
        <ul className="tie-list">
          {ties.map(({ tie, other, name: otherName }) =>
            editing?.id === tie.id ? (
              <li key={tie.id} className="tie-row editing" role="group" aria-label={t('panel.editTie', { name: otherName })} onKeyDown={keys(() => void submitEdit(), () => setEditing(null))}>
                <span className="tie-name">{otherName}</span>
                <label className="visually-hidden" htmlFor={ids.editType}>
                  {t('panel.tieType')}
                </label>
                <input
                  id={ids.editType}
                  type="text"
                  list={ids.types}
                  autoComplete="off"
                  autoFocus
                  maxLength={200}
                  value={editing.type}
                  placeholder={t('panel.tieTypePlaceholder')}
                  onChange={(e) => setEditing({ id: tie.id, type: e.target.value })}
                />
                <button type="button" className="button primary small" onClick={() => void submitEdit()}>
                  {t('panel.saveTie')}
                </button>
              </li>
            ) : (
              <li key={tie.id} className="tie-row">
                <button type="button" className="link-button tie-name" title={t('panel.openContact', { name: otherName })} onClick={() => onOpenContact(other)}>
                  {otherName}
                </button>
                <span className={`badge${tie.type ? '' : ' muted'}`}>{tie.type ?? t('panel.noType')}</span>
                <span className="spacer" />
                <button type="button" className="icon-button small" aria-label={t('panel.editTie', { name: otherName })} title={t('panel.editTie', { name: otherName })} onClick={() => setEditing({ id: tie.id, type: tie.type ?? '' })}>
                  <Icon name="pencil" size={15} />
                </button>
                <button type="button" className="icon-button small" aria-label={t('panel.removeTie', { name: otherName })} title={t('panel.removeTie', { name: otherName })} onClick={() => void apply(deleteTie(doc, tie.id))}>
                  <Icon name="close" size={15} />
                </button>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}
