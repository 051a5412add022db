import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument, SavedView } from '../../../../shared/document/schema.js';
import { deleteView, saveView, sortedViews } from '../../../../shared/document/views.js';
import { Icon } from '../../components/Icon.js';
import { Dialog } from '../../dialogs/Dialog.js';
import { NO_FILTERS } from '../../filters/filterModel.js';
import { getFilters, setFilters } from '../../filters/filterState.js';
import { useStore } from '../../state/StoreContext.js';
import type { CarnetMap } from '../engine/carnetMap.js';
import { setMapOptions, useMapOptions } from './mapOptions.js';
import { NameField } from '../../components/NameField.js';

type Props = { doc: CarnetDocument; version: number; map: CarnetMap | null };

/** Shows a saved view: its filters and options, its part of the map, its ego view (what still exists of them). */
export function showView(view: SavedView, doc: CarnetDocument, map: CarnetMap): void {
  const f = view.filters;
  setFilters(
    {
      ...NO_FILTERS,
      ...f,
      categories: f.categories.filter((id) => Object.hasOwn(doc.categories, id)),
    },
    { frame: false },
  );
  setMapOptions(view.options);
  map.showExtent(view.viewport);
  const ego = view.ego && Object.hasOwn(doc.contacts, view.ego.contact) ? view.ego : null;
  if (ego) map.focusContact(ego.contact, ego.depth, { centre: false });
  else map.focusContact(null);
}

/**
 * Saved views of the map, kept in the document: the filters, the part of
 * the map shown, the map options and an ego view, under a name. Saving and
 * deleting are undoable.
 */
export function ViewsMenu({ doc, version, map }: Props) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const options = useMapOptions();
  const [open, setOpen] = useState(false);
  const [naming, setNaming] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const views = useMemo(() => sortedViews(doc, i18n.language), [doc, version, i18n.language]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [open]);

  const save = (name: string) => {
    setNaming(false);
    if (!map) return;
    const ego = map.egoView();
    const { sizeBy, showMe, showGaps, showCategories } = options;
    void store.apply(
      saveView(doc, name, {
        viewport: map.visibleExtent(),
        filters: getFilters(),
        options: { sizeBy, showMe, showGaps, showCategories },
        ...(ego ? { ego: { contact: ego.id, depth: ego.depth } } : {}),
      }),
    );
  };

  return (
    <div
      className="views-menu popover-anchor"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLElement>('button')?.focus();
        }
      }}
    >
      <button type="button" className="button map-bar-button" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen(!open)}>
        <Icon name="bookmark" size={16} />
        {t('views.button')}
        {views.length > 0 && <span className="count">{views.length}</span>}
      </button>
      {open && (
        <div id={panelId} className="popover views-popover" role="group" aria-label={t('views.title')}>
          {views.length === 0 ? (
            <p className="hint">{t('views.empty')}</p>
          ) : (
            <ul className="views-list">
              {views.map((v) => (
                <li key={v.id}>
                  <button
                    type="button"
                    className="views-item"
                    onClick={() => {
                      setOpen(false);
                      if (map) showView(v, doc, map);
                    }}
                  >
                    {v.name}
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('views.delete', { name: v.name })}
                    title={t('views.delete', { name: v.name })}
                    onClick={() => void store.apply(deleteView(doc, v.id))}
                  >
                    <Icon name="trash" size={16} />
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="button"
            disabled={!map}
            onClick={() => {
              setOpen(false);
              setNaming(true);
            }}
          >
            <Icon name="plus" size={16} />
            {t('views.save')}
          </button>
        </div>
      )}
      {naming && <ViewNameDialog existing={views.map((v) => v.name)} onSubmit={save} onClose={() => setNaming(false)} />}
    </div>
  );
}

function ViewNameDialog({ existing, onSubmit, onClose }: { existing: string[]; onSubmit(name: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState(false);
  const replaces = existing.some((n) => n.toLocaleLowerCase() === name.trim().toLocaleLowerCase());
  return (
    <Dialog
      title={t('views.saveTitle')}
      className="dialog-small"
      onClose={onClose}
      onSubmit={() => {
        if (!name.trim()) return setError(true);
        onSubmit(name.trim());
      }}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button primary">
            {t(replaces ? 'views.replace' : 'views.create')}
          </button>
        </>
      }
    >
      <p>{t('views.saveHint')}</p>
      <NameField
        label={t('views.name')}
        value={name}
        error={error ? t('views.nameRequired') : null}
        onChange={(v) => {
          setName(v);
          setError(false);
        }}
      />
    </Dialog>
  );
}
