import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setCategoryMembership } from '../../../shared/document/commands.js';
import type { CarnetStore } from '../state/store.js';
import { categoryNamed, newCategoryWith } from '../../../shared/document/categories.js';

/**
 * Categorization as one undoable, saved step per user action, with a
 * sentence for screen readers saying what happened.
 */
export function useCategorize(store: CarnetStore) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');

  const setMembership = useCallback(
    async (ids: readonly string[], categoryId: string, member: boolean) => {
      const doc = store.get().doc;
      const category = doc?.categories[categoryId];
      if (!doc || !category) return;
      const set = setCategoryMembership(doc, ids, categoryId, member);
      const vars = { count: ids.length, name: category.name };
      if (set.changes.length === 0) return setMessage(t(member ? 'categories.alreadyIn' : 'categories.alreadyOut', vars));
      if (await store.apply(set)) setMessage(t(member ? 'categories.added' : 'categories.removed', vars));
    },
    [store, t],
  );

  /** Puts the contacts in the category of that name, creating it if there is none. */
  const addToNamed = useCallback(
    async (ids: readonly string[], name: string) => {
      const doc = store.get().doc;
      if (!doc) return;
      const existing = categoryNamed(doc, name);
      if (existing) return setMembership(ids, existing.id, true);
      const { set } = newCategoryWith(doc, name, ids);
      if (await store.apply(set)) setMessage(t('categories.created', { count: ids.length, name }));
    },
    [store, t, setMembership],
  );

  return { message, setMembership, addToNamed };
}
