import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteCategory } from '../../../shared/document/commands.js';
import type { CarnetDocument, Category } from '../../../shared/document/schema.js';
import { Icon } from '../components/Icon.js';
import { useMap } from '../map/views/mapInstance.js';
import { DockSection } from '../workspace/DockSection.js';
import { useStore } from '../state/StoreContext.js';
import { useIdleMemo } from '../state/useIdleMemo.js';
import { categoryCounts, editCategory, sortedCategories } from '../../../shared/document/categories.js';
import { CategoryRow } from './CategoryRow.js';
import { NewCategoryDialog } from './NewCategoryDialog.js';
import { useCategorize } from './useCategorize.js';
import { useCategoryDrag, type DropAction } from './useCategoryDrag.js';
import './categories.css';

type Props = { doc: CarnetDocument; version: number; open: boolean; onToggle(): void };

/**
 * The user's categories, docked beside the map: colour, count, rename, recolour,
 * cadence, delete; and the targets contacts are dragged onto from the map
 * to put them in a category, take them out, or start a new one.
 */
export function CategoryPalette({ doc, version, open, onToggle }: Props) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const map = useMap();
  const [naming, setNaming] = useState<string[] | null>(null);
  const { message, setMembership, addToNamed } = useCategorize(store);

  const onDrop = useCallback(
    (action: DropAction, ids: string[]) => {
      if (action.kind === 'new') setNaming(ids);
      else void setMembership(ids, action.categoryId, action.kind === 'add');
    },
    [setMembership],
  );
  const { dragged, over } = useCategoryDrag(map, onDrop);

  const categories = useMemo(() => sortedCategories(doc, i18n.language), [doc, version, i18n.language]);
  // A pass over every contact: after the frame that shows the document (the counts follow a moment later).
  const counts = useIdleMemo(() => categoryCounts(doc), [doc, version]);
  const draggedCategories = useMemo(() => {
    const out = new Set<string>();
    for (const id of dragged ?? []) for (const c of doc.contacts[id]?.categories ?? []) out.add(c);
    return out;
  }, [dragged, doc, version]);

  const edit = useCallback(
    (id: string, patch: Partial<Omit<Category, 'id'>>) => {
      const current = store.get().doc;
      if (current?.categories[id]) void store.apply(editCategory(current, id, patch));
    },
    [store],
  );

  const [announce, setAnnounce] = useState('');
  const remove = (c: Category) => {
    void store.apply(deleteCategory(doc, c.id)).then((ok) => ok && setAnnounce(t('categories.deleted', { name: c.name })));
  };
  const dragging = dragged !== null;
  const shown = open || dragging;

  return (
    <DockSection
      title={t('categories.title')}
      icon="tag"
      open={shown}
      onToggle={onToggle}
      badge={categories.length > 0 ? <span className="count">{categories.length}</span> : undefined}
      className={`category-palette${dragging ? ' dragging' : ''}`}
    >
      {shown && (
        <>
          {categories.length === 0 && !dragging && <p className="palette-hint">{t('categories.empty')}</p>}
          <ul className="category-list">
            {categories.map((c) => (
              <CategoryRow
                key={c.id}
                category={c}
                count={counts ? (counts.get(c.id) ?? 0) : undefined}
                canRemove={draggedCategories.has(c.id)}
                dragging={dragging}
                over={over}
                onEdit={(patch) => edit(c.id, patch)}
                onDelete={() => remove(c)}
              />
            ))}
          </ul>
          <div className={`category-new-target${over === 'new' ? ' drop-over' : ''}`} data-drop="new">
            <Icon name="plus" size={16} />
            {t('categories.newTarget')}
          </div>
          {/* The hint below the targets changes during a drag, so the targets do not move under the pointer. */}
          <p className="palette-hint">{dragging ? t('categories.dropHint', { count: dragged.length }) : t('categories.dragHint')}</p>
        </>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {message || announce}
      </p>
      {naming && (
        <NewCategoryDialog
          count={naming.length}
          onClose={() => setNaming(null)}
          onSubmit={(name) => {
            const ids = naming;
            setNaming(null);
            void addToNamed(ids, name);
          }}
        />
      )}
    </DockSection>
  );
}
