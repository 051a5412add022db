import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUNBAR_CADENCE } from '../../../shared/analysis/cadence.js';
import { CLOSENESS } from '../../../shared/document/contacts.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { CADENCES } from '../categories/CategoryRow.js';

type Props = {
  doc: CarnetDocument;
  strength: string;
  cadence: string;
  /** The draft's categories: their cadence applies when the contact has none of its own. */
  categories: string[];
  error?: string;
  onChange(patch: { strength?: string; cadence?: string }): void;
};

const CUSTOM = 'custom';

/** Closeness (1–5) and the contact's own cadence, which overrides its categories' and its closeness'. */
export function RelationshipFields({ doc, strength, cadence, categories, error, onChange }: Props) {
  const { t } = useTranslation();
  const ids = { strength: useId(), cadence: useId(), days: useId(), error: useId() };
  const listed = cadence === '' || (CADENCES as readonly number[]).includes(Number(cadence));
  const [custom, setCustom] = useState(!listed);
  const showDays = custom || !listed;

  const every = (days: number) => ((CADENCES as readonly number[]).includes(days) ? t(`categories.cadences.${days}`) : t('categories.everyDays', { count: days }));
  const fromCategory = Math.min(...categories.map((c) => (Object.hasOwn(doc.categories, c) ? doc.categories[c]!.cadenceDays ?? Infinity : Infinity)));
  const fallback = Number.isFinite(fromCategory)
    ? t('panel.cadenceDefaultCategory', { cadence: every(fromCategory) })
    : strength
      ? t('panel.cadenceDefaultCloseness', { cadence: every(DUNBAR_CADENCE[Number(strength) as 1 | 2 | 3 | 4 | 5]) })
      : t('panel.cadenceDefault');

  return (
    <fieldset className="field relationship">
      <legend className="section-title">{t('panel.relationship')}</legend>
      <div className="relationship-fields">
        <div className="field">
          <label htmlFor={ids.strength}>{t('panel.closeness')}</label>
          <select id={ids.strength} value={strength} onChange={(e) => onChange({ strength: e.target.value })}>
            <option value="">{t('panel.closenessUnset')}</option>
            {CLOSENESS.map((n) => (
              <option key={n} value={String(n)}>
                {t(`panel.closenessLevels.${n}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.cadence}>{t('panel.cadence')}</label>
          <select
            id={ids.cadence}
            value={showDays ? CUSTOM : cadence}
            onChange={(e) => {
              const v = e.target.value;
              setCustom(v === CUSTOM);
              if (v !== CUSTOM) onChange({ cadence: v });
            }}
          >
            <option value="">{fallback}</option>
            {CADENCES.map((d) => (
              <option key={d} value={String(d)}>
                {t(`categories.cadences.${d}`)}
              </option>
            ))}
            <option value={CUSTOM}>{t('panel.cadenceCustom')}</option>
          </select>
        </div>
      </div>
      {showDays && (
        <div className="field cadence-days">
          <label htmlFor={ids.days}>{t('panel.cadenceDays')}</label>
          <input
            id={ids.days}
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            step={1}
            value={cadence}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : undefined}
            onChange={(e) => onChange({ cadence: e.target.value })}
          />
        </div>
      )}
      {error && (
        <p id={ids.error} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
