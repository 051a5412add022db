import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { EMPTY_SCHOOL, type RowError, type SchoolDraft } from './schoolDraft.js';

type Props = { schools: SchoolDraft[]; error?: RowError; onChange(schools: SchoolDraft[]): void };

/** Schools attended, one small card each: name and year, then the degree. */
export function SchoolListEditor({ schools, error, onChange }: Props) {
  const { t } = useTranslation();
  const errorId = useId();
  const set = (i: number, patch: Partial<SchoolDraft>) => onChange(schools.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="field row-list">
      <legend>{t('panel.schools')}</legend>
      {schools.map((s, i) => {
        const n = { n: i + 1 };
        const invalid = error?.index === i;
        return (
          <div className="row-card" key={i} role="group" aria-label={t('panel.schoolN', n)}>
            <div className="row-line">
              <input
                type="text"
                className="grow"
                value={s.name}
                placeholder={t('panel.schoolName')}
                aria-label={`${t('panel.schoolName')} ${i + 1}`}
                autoComplete="off"
                aria-invalid={invalid && error?.key === 'panel.errors.schoolName' ? true : undefined}
                aria-describedby={invalid ? errorId : undefined}
                onChange={(e) => set(i, { name: e.target.value })}
              />
              <input
                type="text"
                inputMode="numeric"
                className="year"
                value={s.year}
                placeholder={t('panel.schoolYear')}
                aria-label={`${t('panel.schoolYear')} ${i + 1}`}
                autoComplete="off"
                maxLength={4}
                aria-invalid={invalid && error?.key === 'panel.errors.schoolYear' ? true : undefined}
                aria-describedby={invalid ? errorId : undefined}
                onChange={(e) => set(i, { year: e.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('panel.removeSchool', { name: s.name || String(i + 1) })}
                title={t('panel.removeSchool', { name: s.name || String(i + 1) })}
                onClick={() => onChange(schools.filter((_, j) => j !== i))}
              >
                <Icon name="close" size={16} />
              </button>
            </div>
            <input
              type="text"
              value={s.degree}
              placeholder={t('panel.schoolDegree')}
              aria-label={`${t('panel.schoolDegree')} ${i + 1}`}
              autoComplete="off"
              onChange={(e) => set(i, { degree: e.target.value })}
            />
            {invalid && (
              <p id={errorId} className="field-error" role="alert">
                {t(error.key, error.params ?? {})}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" className="link-button" onClick={() => onChange([...schools, { ...EMPTY_SCHOOL }])}>
        <Icon name="plus" size={14} />
        {t('panel.addSchool')}
      </button>
    </fieldset>
  );
}
