import { useState } from 'react';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { useMap } from '../map/views/mapInstance.js';
import { CategoryPalette } from './CategoryPalette.js';
import { CategoryPicker } from './CategoryPicker.js';
import { useCategoryShortcut } from './useCategoryShortcut.js';

type Props = { doc: CarnetDocument; version: number; openContactId: string | null; open: boolean; onToggle(): void };

/**
 * The palette in the side dock, and the picker the C key opens for the contacts selected on the map, else
 * the one focused from the keyboard, else the one whose card is open.
 */
export function CategoryTools({ doc, version, openContactId, open, onToggle }: Props) {
  const map = useMap();
  const [picking, setPicking] = useState<string[] | null>(null);
  useCategoryShortcut(() => {
    const selected = map?.selectedIds() ?? [];
    const focused = map?.focusedId() ?? null;
    const ids = selected.length > 0 ? selected : focused ? [focused] : openContactId ? [openContactId] : [];
    if (ids.length > 0) setPicking(ids);
  });
  return (
    <>
      <CategoryPalette doc={doc} version={version} open={open} onToggle={onToggle} />
      {picking && <CategoryPicker doc={doc} version={version} ids={picking} onClose={() => setPicking(null)} />}
    </>
  );
}
