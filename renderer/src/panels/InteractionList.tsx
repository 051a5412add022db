import { useTranslation } from 'react-i18next';
import type { Interaction } from '../../../shared/document/schema.js';

/** The interactions with one contact, newest first. */
export function InteractionList({ interactions }: { interactions: Interaction[] }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <section className="field" aria-labelledby="interactions-heading">
      <h3 id="interactions-heading" className="section-title">
        {t('panel.interactions')} <span className="count">{interactions.length}</span>
      </h3>
      {interactions.length === 0 ? (
        <p className="hint">{t('panel.noInteractions')}</p>
      ) : (
        <ol className="interactions">
          {interactions.map((it) => (
            <li key={it.id}>
              <div className="interaction-head">
                <time dateTime={it.date}>{format.format(new Date(it.date.length === 10 ? `${it.date}T12:00:00` : it.date))}</time>
                <span className="badge">{t(`channels.${it.channel}`)}</span>
                <span className={`badge direction-${it.direction}`}>{t(`directions.${it.direction}`)}</span>
              </div>
              {it.note && <p className="interaction-note">{it.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
