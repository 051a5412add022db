import { useEffect, useRef, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { setPositions } from '../../../shared/document/commands.js';
import { areaDropChangeSet } from '../../../shared/document/categories.js';
import { useAnalysis } from '../analysis/useAnalysis.js';
import { useStore } from '../state/StoreContext.js';
import { CarnetMap } from './carnetMap.js';
import { MapControls } from './MapControls.js';
import { Minimap } from './Minimap.js';
import './map.css';

type Props = {
  /** Filled with the map once it exists, for the toolbar (Fit), the panel and the other map features. */
  mapRef: MutableRefObject<CarnetMap | null>;
  selectedId: string | null;
  onOpenContact(id: string): void;
  /** The user clicked themselves on the map. */
  onOpenMe?(): void;
};

/** The React side of the map: mounts CarnetMap and feeds it the store's document changes and the analysis. */
export function MapView({ mapRef, selectedId, onOpenContact, onOpenMe }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const analysis = useAnalysis();
  const container = useRef<HTMLDivElement>(null);
  const openRef = useRef(onOpenContact);
  openRef.current = onOpenContact;
  const openMeRef = useRef(onOpenMe);
  openMeRef.current = onOpenMe;
  const [map, setMap] = useState<CarnetMap | null>(null);
  const [laying, setLaying] = useState(false);

  useEffect(() => {
    const m = new CarnetMap(container.current!, {
      onOpenContact: (id) => openRef.current(id),
      onOpenMe: () => openMeRef.current?.(),
      onPositions: (positions, label, undoable) => void store.apply(setPositions(positions, { key: label === 'Layout' ? 'labels.layout' : 'labels.move' }), { undoable }),
      onAreaDrop: (positions, changes) => {
        const doc = store.get().doc;
        if (doc) void store.apply(areaDropChangeSet(doc, positions, changes));
      },
      text: { loose: t('map.loose'), me: t('map.me') },
    });
    mapRef.current = m;
    setMap(m);
    // Loads are queued so that a patch never lands on a document still being laid out.
    let queue = Promise.resolve();
    const run = (job: () => void | Promise<void>) => {
      queue = queue.then(job).catch((e: unknown) => store.fail(e));
    };
    const load = (doc: Parameters<CarnetMap['load']>[0]) => {
      setLaying(true);
      return m.load(doc).finally(() => setLaying(false));
    };
    const initial = store.get().doc;
    if (initial) run(() => load(initial));
    const off = store.onDocChange((c) => run(() => (c.kind === 'replace' ? load(c.doc) : m.patch(c.doc, c.set))));
    const resize = new ResizeObserver(() => m.resize());
    resize.observe(container.current!);
    return () => {
      off();
      resize.disconnect();
      m.destroy();
      mapRef.current = null;
      setMap(null);
    };
    // The map is made once per store; its words follow the language at that time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, mapRef]);

  useEffect(() => {
    map?.setAnalysis(analysis.result, analysis.error !== null && analysis.result === null);
  }, [map, analysis.result, analysis.error]);

  useEffect(() => {
    map?.select(selectedId);
  }, [selectedId, map]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    if (map?.handleKey(e.key)) e.preventDefault();
  };

  return (
    <>
      <div ref={container} className="map" role="region" aria-label={t('map.label')} aria-description={t('map.keyboardHint')} tabIndex={0} onKeyDown={onKeyDown} />
      {laying && (
        <div className="map-laying" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('map.laying')}
        </div>
      )}
      {map && <MapControls map={map} />}
      {map && <Minimap map={map} />}
    </>
  );
}
