import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setArchived } from '../../../shared/document/reviews.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import type { CarnetMap } from '../map/engine/carnetMap.js';
import { useStore } from '../state/StoreContext.js';

type Props = { doc: CarnetDocument; map: CarnetMap | null };

/** Archives the contacts selected on the map (box or lasso) in one undoable step. */
export function ArchiveSelection({ doc, map }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const [ids, setIds] = useState<string[]>([]);
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!map) return;
    setIds(map.selectedIds());
    return map.on('selectionChange', (e) => setIds(e.ids));
  }, [map]);
  const live = ids.filter((id) => Object.hasOwn(doc.contacts, id) && !doc.contacts[id]!.archived);
  return (
    <>
      {live.length > 1 && (
        <div className="archive-selection" role="group" aria-label={t('routine.selection.count', { count: live.length })}>
          <span>{t('routine.selection.count', { count: live.length })}</span>
          <button
            type="button"
            className="button"
            onClick={async () => {
              const n = live.length;
              if (await store.apply(setArchived(doc, live, true))) setSaid(t('routine.selection.archived', { count: n }));
            }}
          >
            {t('routine.selection.archive')}
          </button>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
    </>
  );
}
