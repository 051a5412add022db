import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setMe } from '../../../shared/document/me.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { ChipInput } from '../components/ChipInput.js';
import { useStore } from '../state/StoreContext.js';
import { meDraftOf, meOf, validateMe, type MeDraft, type MeErrors } from './meDraft.js';
import { OrganizationListEditor } from './OrganizationListEditor.js';
import { PanelShell } from './PanelShell.js';
import { useUnsavedGuard, type GuardRef, type PanelTarget } from './panelGuard.js';
import { rebaseDraft, sameDraft } from './rebase.js';
import { SchoolListEditor } from './SchoolListEditor.js';

type Props = {
  doc: CarnetDocument;
  onOpen(target: PanelTarget | null): void;
  guardRef: GuardRef;
};

/**
 * The user's own profile, edited like a contact's card: what common points, "Me in the middle" and the
 * suggestions compare contacts with. Saving is one undoable step.
 */
export function ProfilePanel({ doc, onOpen, guardRef }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  // applyChangeSet stores a copy of the profile it is given: identity tells whether it changed.
  const original = useMemo(() => meDraftOf(doc.me), [doc.me]);
  const [draft, setDraft] = useState<MeDraft>(original);
  const [base, setBase] = useState<MeDraft>(original);
  const [errors, setErrors] = useState<MeErrors>({});
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const ids = { name: useId(), headline: useId(), city: useId(), sector: useId(), url: useId(), urlError: useId() };

  // The profile changed elsewhere (undo, an import, another window): fields the user did not touch follow it.
  if (original !== base) {
    setBase(original);
    setDraft(rebaseDraft(draft, base, original));
  }

  const dirty = !sameDraft(draft, original);
  const guard = useUnsavedGuard(guardRef, dirty);
  const update = (patch: Partial<MeDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  const save = async (): Promise<boolean> => {
    const found = validateMe(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return false;
    if (!dirty) return true;
    setSaving(true);
    try {
      const ok = await store.apply(setMe(meOf(draft)));
      const stored = store.get().doc?.me;
      if (ok && stored) setDraft(meDraftOf(stored));
      return ok;
    } catch (e) {
      store.fail(e);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const text = (field: 'name' | 'headline' | 'city' | 'sector', label: string, placeholder?: string) => (
    <div className="field">
      <label htmlFor={ids[field]}>{label}</label>
      <input id={ids[field]} ref={field === 'name' ? nameRef : undefined} type="text" autoComplete="off" value={draft[field]} placeholder={placeholder} onChange={(e) => update({ [field]: e.target.value })} />
    </div>
  );

  return (
    <PanelShell
      eyebrow={t('profile.eyebrow')}
      title={doc.me.name || t('profile.untitled')}
      guard={guard}
      dirty={dirty}
      saving={saving}
      save={save}
      revert={() => {
        setDraft(original);
        setErrors({});
      }}
      onClose={() => onOpen(null)}
      saveLabel={t('panel.save')}
      unsavedMessage={t('panel.unsavedMessage', { name: doc.me.name || t('profile.untitled') })}
    >
      <p className="hint">{t('profile.intro')}</p>
      {text('name', t('profile.name'))}
      {text('headline', t('profile.headline'), t('profile.headlinePlaceholder'))}
      <div className="field-row">
        {text('city', t('profile.city'))}
        {text('sector', t('profile.sector'), t('profile.sectorPlaceholder'))}
      </div>
      <OrganizationListEditor organizations={draft.organizations} error={errors.organizations} onChange={(organizations) => update({ organizations })} />
      <SchoolListEditor schools={draft.schools} error={errors.schools} onChange={(schools) => update({ schools })} />
      <ChipInput
        label={t('profile.tags')}
        values={draft.tags}
        onChange={(tags) => update({ tags })}
        removeLabel={(tag) => t('panel.removeTag', { tag })}
        placeholder={t('panel.tagPlaceholder')}
      />
      <div className="field">
        <label htmlFor={ids.url}>{t('profile.profileUrl')}</label>
        <input
          id={ids.url}
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://www.linkedin.com/in/…"
          value={draft.profileUrl}
          aria-invalid={errors.profileUrl ? true : undefined}
          aria-describedby={errors.profileUrl ? ids.urlError : undefined}
          onChange={(e) => update({ profileUrl: e.target.value })}
        />
        {errors.profileUrl && (
          <p id={ids.urlError} className="field-error" role="alert">
            {t(errors.profileUrl.key, errors.profileUrl.params ?? {})}
          </p>
        )}
      </div>
    </PanelShell>
  );
}
