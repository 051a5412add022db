import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logInteraction } from '../../../shared/document/commands.js';
import { contactById } from '../../../shared/document/contacts.js';
import { deleteInteraction, editInteraction, interactionsOf, type InteractionFields } from '../../../shared/document/interactions.js';
import type { CarnetDocument, Interaction } from '../../../shared/document/schema.js';
import { today } from '../analysis/analysisClient.js';
import { Icon } from '../components/Icon.js';
import { useStore } from '../state/StoreContext.js';
import { formatDay } from './formatDay.js';
import { InteractionEditor } from './InteractionEditor.js';
import { useCollectionVersion } from './useCollectionVersion.js';

type Props = { doc: CarnetDocument; contactId: string };

/** A long log (years of LinkedIn messages) shows its newest entries first, then more on demand, a page at a time. */
const SHOWN_AT_FIRST = 8;
const MORE_PAGE = 50;

/**
 * The interactions with one contact, newest first: log a new one, edit or delete one. Each is its own
 * undoable step, applied at once (the contact's card does not need saving for it).
 */
export function InteractionsSection({ doc, contactId }: Props) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const headingId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [limit, setLimit] = useState(SHOWN_AT_FIRST);
  const changed = useCollectionVersion('interactions');
  const interactions = useMemo(() => interactionsOf(doc, contactId), [doc, contactId, changed]);
  const shown = interactions.slice(0, limit);
  const more = Math.min(interactions.length - limit, MORE_PAGE);

  const apply = async (build: () => ReturnType<typeof logInteraction>) => {
    try {
      return await store.apply(build());
    } catch (e) {
      store.fail(e);
      return false;
    }
  };

  const log = (f: InteractionFields) =>
    apply(() => logInteraction(doc, { date: f.date, contacts: [contactId], channel: f.channel, direction: f.direction, ...(f.note?.trim() ? { note: f.note.trim() } : {}) }));

  const others = (it: Interaction) =>
    it.contacts
      .filter((c) => c !== contactId)
      .map((c) => contactById(doc, c)?.name ?? c)
      .join(', ');

  return (
    <section className="field interactions-section" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId} className="section-title">
          {t('panel.interactions')} <span className="count">{interactions.length}</span>
        </h3>
        {editing !== 'new' && (
          <button type="button" className="link-button" onClick={() => setEditing('new')}>
            <Icon name="plus" size={14} />
            {t('panel.logInteraction')}
          </button>
        )}
      </div>
      {editing === 'new' && (
        <InteractionEditor
          title={t('panel.interaction.newTitle')}
          initial={{ date: today(), channel: 'message', direction: 'gave', note: '' }}
          submitLabel={t('panel.interaction.log')}
          onSubmit={log}
          onCancel={() => setEditing(null)}
        />
      )}
      {interactions.length === 0 ? (
        editing !== 'new' && <p className="hint">{t('panel.noInteractions')}</p>
      ) : (
        <ol className="interactions">
          {shown.map((it) => {
            const date = formatDay(it.date, i18n.language);
            if (editing === it.id) {
              return (
                <li key={it.id}>
                  <InteractionEditor
                    title={t('panel.interaction.editTitle')}
                    initial={{ date: it.date, channel: it.channel, direction: it.direction, note: it.note ?? '' }}
                    submitLabel={t('panel.interaction.save')}
                    onSubmit={(f) => apply(() => editInteraction(doc, it.id, f))}
                    onCancel={() => setEditing(null)}
                  />
                </li>
              );
            }
            const withOthers = others(it);
            return (
              <li key={it.id} className="interaction">
                <div className="interaction-head">
                  <time dateTime={it.date}>{date}</time>
                  <span className="badge">{t(`channels.${it.channel}`)}</span>
                  <span className={`badge direction-${it.direction}`}>{t(`directions.${it.direction}`)}</span>
                  <span className="spacer" />
                  <button type="button" className="icon-button small" aria-label={t('panel.interaction.edit', { date })} title={t('panel.interaction.edit', { date })} onClick={() => setEditing(it.id)}>
                    <Icon name="pencil" size={15} />
                  </button>
                  <button
                    type="button"
                    className="icon-button small"
                    aria-label={t('panel.interaction.delete', { date })}
                    title={t('panel.interaction.delete', { date })}
                    onClick={() => void apply(() => deleteInteraction(doc, it.id))}
                  >
                    <Icon name="trash" size={15} />
                  </button>
                </div>
                {withOthers && <p className="interaction-with">{t('panel.interaction.with', { names: withOthers })}</p>}
                {it.note && <p className="interaction-note">{it.note}</p>}
              </li>
            );
          })}
        </ol>
      )}
      {more > 0 && (
        <button type="button" className="link-button" onClick={() => setLimit((n) => n + MORE_PAGE)}>
          {t('panel.showMore', { count: more })}
        </button>
      )}
    </section>
  );
}
