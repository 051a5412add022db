import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { commonFeatures, featuresOf, type FeatureKind } from '../../../shared/analysis/index.js';
import type { Contact, Me } from '../../../shared/document/schema.js';
import './commonPoints.css';

/** Kinds worth showing: categories are the user's own labels, not something they share with the contact. */
const SHOWN = new Set<FeatureKind>(['orgNow', 'org', 'school', 'city', 'sector', 'tag']);

/**
 * What the contact shares with the user (the same "common points" the dormant
 * ties explain themselves with), as chips; nothing at all when there are none.
 */
export function CommonPoints({ contact, me }: { contact: Contact; me: Me }) {
  const { t } = useTranslation();
  const headingId = useId();
  const points = useMemo(() => commonFeatures(featuresOf(me), featuresOf(contact)).filter((f) => SHOWN.has(f.kind)), [contact, me]);
  if (points.length === 0) return null;
  return (
    <section className="field common-points" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        {t('common.title')}
      </h3>
      <ul className="common-chips">
        {points.map((f) => (
          <li key={`${f.kind}:${f.key}`} className={`common-chip common-${f.kind}`}>
            <span className="common-kind">{t(`common.${f.kind}`)}</span>
            <span className="common-value">{f.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
