import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { EMPTY_ORGANIZATION, type OrganizationDraft } from './meDraft.js';
import type { RowError } from './schoolDraft.js';

type Props = { organizations: OrganizationDraft[]; error?: RowError; onChange(organizations: OrganizationDraft[]): void };

/** Current and past employers with their dates, one small card each. */
export function OrganizationListEditor({ organizations, error, onChange }: Props) {
  const { t } = useTranslation();
  const errorId = useId();
  const set = (i: number, patch: Partial<OrganizationDraft>) => onChange(organizations.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <fieldset className="field row-list">
      <legend>{t('profile.organizations')}</legend>
      {organizations.length === 0 && <p className="hint">{t('profile.noOrganizations')}</p>}
      {organizations.map((o, i) => {
        const n = i + 1;
        const invalid = error?.index === i;
        const describedBy = invalid ? errorId : undefined;
        const label = (key: string) => `${t(key)} ${n}`;
        return (
          <div className="row-card" key={i} role="group" aria-label={t('profile.organizationN', { n })}>
            <div className="row-line">
              <input
                type="text"
                className="grow"
                value={o.name}
                placeholder={t('profile.orgName')}
                aria-label={label('profile.orgName')}
                autoComplete="off"
                aria-invalid={invalid && error?.key === 'profile.errors.orgName' ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) => set(i, { name: e.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('profile.removeOrganization', { name: o.name || String(n) })}
                title={t('profile.removeOrganization', { name: o.name || String(n) })}
                onClick={() => onChange(organizations.filter((_, j) => j !== i))}
              >
                <Icon name="close" size={16} />
              </button>
            </div>
            <input type="text" value={o.title} placeholder={t('profile.orgTitle')} aria-label={label('profile.orgTitle')} autoComplete="off" onChange={(e) => set(i, { title: e.target.value })} />
            <div className="row-line dates">
              <label className="date-field">
                <span>{t('profile.start')}</span>
                <input
                  type="date"
                  value={o.start}
                  min="1900-01-01"
                  max="2200-12-31"
                  aria-label={label('profile.start')}
                  aria-invalid={invalid && error?.key !== 'profile.errors.orgName' ? true : undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => set(i, { start: e.target.value })}
                />
              </label>
              {!o.current && (
                <label className="date-field">
                  <span>{t('profile.end')}</span>
                  <input
                    type="date"
                    value={o.end}
                    min="1900-01-01"
                    max="2200-12-31"
                    aria-label={label('profile.end')}
                    aria-invalid={invalid && error?.key !== 'profile.errors.orgName' ? true : undefined}
                    aria-describedby={describedBy}
                    onChange={(e) => set(i, { end: e.target.value })}
                  />
                </label>
              )}
            </div>
            <label className="check">
              <input type="checkbox" checked={o.current} onChange={(e) => set(i, { current: e.target.checked })} />
              {t('profile.current')}
            </label>
            {invalid && (
              <p id={errorId} className="field-error" role="alert">
                {t(error.key, error.params ?? {})}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" className="link-button" onClick={() => onChange([...organizations, { ...EMPTY_ORGANIZATION }])}>
        <Icon name="plus" size={14} />
        {t('profile.addOrganization')}
      </button>
    </fieldset>
  );
}
