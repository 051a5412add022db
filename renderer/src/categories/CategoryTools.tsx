import { useState, type MutableRefObject } from 'react';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import type { CarnetMap } from '../map/carnetMap.js';
import { CategoryPalette } from './CategoryPalette.js';
import { CategoryPicker } from './CategoryPicker.js';
import { useCategoryShortcut } from './useCategoryShortcut.js';

type Props = { doc: CarnetDocument; version: number; mapRef: MutableRefObject<CarnetMap | null>; openContactId: string | null };

/** The palette over the map, and the picker the C key opens for the contacts selected (or the one whose card is open). */
export function CategoryTools({ doc, version, mapRef, openContactId }: Props) {
  const [picking, setPicking] = useState<string[] | null>(null);
  useCategoryShortcut(() => {
    const selected = mapRef.current?.selectedIds() ?? [];
    const ids = selected.length > 0 ? selected : openContactId ? [openContactId] : [];
    if (ids.length > 0) setPicking(ids);
  });
  return (
    <>
      <CategoryPalette doc={doc} version={version} mapRef={mapRef} />
      {picking && <CategoryPicker doc={doc} version={version} ids={picking} onClose={() => setPicking(null)} />}
    </>
  );
}
