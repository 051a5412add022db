import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../shared/document/schema.js';
import type { MeChange } from '../../../shared/import/index.js';
import { formatDate } from './formatDate.js';

/** "Banque Lumière (mars 2019 – aujourd’hui)": an employer as the profile will show it. */
function OrganizationLine({ o }: { o: Organization }) {
  const { t, i18n } = useTranslation();
  const from = o.start ? formatDate(o.start, i18n.language, 'month') : '';
  const to = o.end ? formatDate(o.end, i18n.language, 'month') : o.current ? t('import.me.present') : '';
  const dates = from || to ? ` (${[from, to].filter(Boolean).join(' – ')})` : '';
  return (
    <li>
      <strong>{o.name}</strong>
      {o.title ? `, ${o.title}` : ''}
      {dates}
    </li>
  );
}

/**
 * "This is you": what the files say about the user (LinkedIn's Profile, Positions, Education, Skills)
 * and what that changes in their own profile. None of it becomes a contact.
 */
export function MeCard({ changes }: { changes: MeChange[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="import-me" aria-labelledby={titleId} data-testid="import-me">
      <h3 id={titleId}>{t('import.me.title')}</h3>
      <p className="hint">{t('import.me.intro')}</p>
      <dl>
        {changes.map((c) => (
          <div key={c.field} className="import-me-row">
            <dt>{t(`import.me.fields.${c.field}`)}</dt>
            <dd>
              {'after' in c ? (
                c.before ? (
                  <>
                    <del>{c.before}</del> → <ins>{c.after}</ins>
                  </>
                ) : (
                  <ins>{c.after}</ins>
                )
              ) : c.field === 'organizations' ? (
                <ul>
                  {c.added.map((o, i) => (
                    <OrganizationLine key={`a${i}`} o={o} />
                  ))}
                  {c.completed.length > 0 && <li className="hint">{t('import.me.completed', { list: c.completed.map((o) => o.name).join(', '), count: c.completed.length })}</li>}
                </ul>
              ) : c.field === 'schools' ? (
                <ul>
                  {c.added.map((s, i) => (
                    <li key={i}>
                      <strong>{s.name}</strong>
                      {s.degree ? `, ${s.degree}` : ''}
                      {s.year ? ` (${s.year})` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                <span>{c.added.join(', ')}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
