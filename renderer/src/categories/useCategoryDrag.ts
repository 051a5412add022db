import { useEffect, useRef, useState } from 'react';
import type { CarnetMap } from '../map/engine/carnetMap.js';

/** What a drop target of the palette does, from its `data-drop` attribute. */
export type DropAction = { kind: 'add' | 'remove'; categoryId: string } | { kind: 'new' };

export function parseDrop(value: string | null | undefined): DropAction | null {
  if (value === 'new') return { kind: 'new' };
  const m = /^(add|remove):(.+)$/.exec(value ?? '');
  return m ? { kind: m[1] as 'add' | 'remove', categoryId: m[2]! } : null;
}

function targetAt(x: number, y: number): HTMLElement | null {
  return document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-drop]') ?? null;
}

/**
 * Contacts dragged from the map onto the palette: the pointer is hit-tested
 * against the palette's `[data-drop]` elements while the map reports the
 * drag; a drop on one of them puts the contacts back where they were (the
 * map stores no move) and hands the action over.
 */
export function useCategoryDrag(map: CarnetMap | null, onDrop: (action: DropAction, ids: string[]) => void): { dragged: string[] | null; over: string | null } {
  const [dragged, setDragged] = useState<string[] | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const dropRef = useRef(onDrop);
  dropRef.current = onDrop;

  useEffect(() => {
    if (!map) return;
    // The ids of the drag as it started: the end event may come after the map forgot them.
    let ids: string[] = [];
    const offs = [
      map.on('nodeDragStart', (e) => {
        ids = e.ids;
        setDragged(e.ids);
      }),
      map.on('nodeDrag', (e) => setOver(targetAt(e.clientX, e.clientY)?.dataset.drop ?? null)),
      map.on('nodeDragEnd', (e) => {
        const action = parseDrop(targetAt(e.clientX, e.clientY)?.dataset.drop);
        setDragged(null);
        setOver(null);
        const dropped = e.ids.length > 0 ? e.ids : ids;
        ids = [];
        if (!action || dropped.length === 0) return;
        e.preventMove();
        dropRef.current(action, dropped);
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [map]);

  return { dragged, over };
}
