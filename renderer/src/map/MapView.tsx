import { useEffect, useRef, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { setPositions } from '../../../shared/document/commands.js';
import { useStore } from '../state/StoreContext.js';
import { CarnetMap } from './carnetMap.js';

type Props = {
  /** Filled with the map once it exists, for the toolbar (Fit) and the panel (where to put a new contact). */
  mapRef: MutableRefObject<CarnetMap | null>;
  selectedId: string | null;
  onOpenContact(id: string): void;
};

/** The React side of the map: mounts CarnetMap and feeds it the store's document changes. */
export function MapView({ mapRef, selectedId, onOpenContact }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const container = useRef<HTMLDivElement>(null);
  const openRef = useRef(onOpenContact);
  openRef.current = onOpenContact;

  useEffect(() => {
    const map = new CarnetMap(container.current!, {
      onOpenContact: (id) => openRef.current(id),
      onPositions: (positions, label) => void store.apply(setPositions(positions, label)),
    });
    mapRef.current = map;
    // Loads are queued so that a patch never lands on a document still being laid out.
    let queue = Promise.resolve();
    const run = (job: () => void | Promise<void>) => {
      queue = queue.then(job).catch((e: unknown) => store.fail(e));
    };
    const initial = store.get().doc;
    if (initial) run(() => map.load(initial));
    const off = store.onDocChange((c) => run(() => (c.kind === 'replace' ? map.load(c.doc) : map.patch(c.doc, c.set))));
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(container.current!);
    return () => {
      off();
      resize.disconnect();
      map.destroy();
      mapRef.current = null;
    };
  }, [store, mapRef]);

  useEffect(() => {
    mapRef.current?.select(selectedId);
  }, [selectedId, mapRef]);

  return <div ref={container} className="map" role="region" aria-label={t('map.label')} />;
}
