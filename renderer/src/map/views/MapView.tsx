import { useEffect, useRef, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { setPositions } from '../../../../shared/document/commands.js';
import { areaDropChangeSet } from '../../../../shared/document/categories.js';
import { useAnalysis } from '../../analysis/useAnalysis.js';
import { useStore } from '../../state/StoreContext.js';
import { useTheme } from '../../theme/theme.js';
import { CarnetMap, type Rect } from '../engine/carnetMap.js';
import { HoverCard } from './HoverCard.js';
import { announceMap } from './mapInstance.js';
import { Minimap } from './Minimap.js';
import { useMapOptions } from './mapOptions.js';
import { ZoomControls } from './ZoomControls.js';
import './map.css';

type Props = {
  /** Filled with the map once it exists, for the toolbar (Fit), the panel and the other map features. */
  mapRef: MutableRefObject<CarnetMap | null>;
  selectedId: string | null;
  onOpenContact(id: string): void;
  /** The user clicked themselves on the map. */
  onOpenMe?(): void;
};

/** The undo labels of an import (shared/i18n): the map frames the contacts it brought. */
const IMPORT_LABELS: ReadonlySet<string> = new Set(['import.undoFile', 'import.undoFiles']);

/**
 * What floats over the map and must not hide what it frames: elements marked `data-map-obstacle`, in
 * container px. `whole` (fitting the whole map) leaves out those marked `data-map-obstacle="zoomed"`,
 * shown only while zoomed in.
 */
function obstaclesOf(container: HTMLElement, whole: boolean): Rect[] {
  const box = container.getBoundingClientRect();
  const area = container.parentElement;
  if (!area) return [];
  return [...area.querySelectorAll<HTMLElement>(whole ? '[data-map-obstacle]:not([data-map-obstacle="zoomed"])' : '[data-map-obstacle]')]
    .filter((el) => !el.hidden && el.offsetParent !== null)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { x1: r.left - box.left, y1: r.top - box.top, x2: r.right - box.left, y2: r.bottom - box.top };
    });
}

/**
 * The React side of the map: mounts CarnetMap and feeds it the store's
 * document changes, the analysis, the theme and the map options; frames the
 * contacts an import brought.
 */
export function MapView({ mapRef, selectedId, onOpenContact, onOpenMe }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const analysis = useAnalysis();
  const { theme } = useTheme();
  const options = useMapOptions();
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const container = useRef<HTMLDivElement>(null);
  const openRef = useRef(onOpenContact);
  openRef.current = onOpenContact;
  const openMeRef = useRef(onOpenMe);
  openMeRef.current = onOpenMe;
  const [map, setMap] = useState<CarnetMap | null>(null);
  const [laying, setLaying] = useState(false);

  useEffect(() => {
    const el = container.current!;
    const m = new CarnetMap(
      el,
      {
        onOpenContact: (id) => openRef.current(id),
        onOpenMe: () => openMeRef.current?.(),
        onPositions: (positions, label, undoable) => void store.apply(setPositions(positions, { key: label === 'Layout' ? 'labels.layout' : 'labels.move' }), { undoable }),
        onAreaDrop: (positions, changes) => {
          const doc = store.get().doc;
          if (doc) void store.apply(areaDropChangeSet(doc, positions, changes));
        },
        text: { loose: t('map.loose'), me: t('map.me') },
        obstacles: (whole) => obstaclesOf(el, whole),
      },
      optionsRef.current,
    );
    mapRef.current = m;
    setMap(m);
    announceMap(m);
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
    const off = store.onDocChange((c) =>
      run(() => {
        if (c.kind === 'replace') return load(c.doc);
        const { added } = m.patch(c.doc, c.set);
        if (added.length > 0 && IMPORT_LABELS.has(c.set.label.key)) m.zoomToIds(added);
      }),
    );
    const resize = new ResizeObserver(() => m.resize());
    resize.observe(el);
    return () => {
      off();
      resize.disconnect();
      m.destroy();
      mapRef.current = null;
      setMap(null);
      announceMap(null);
    };
    // The map is made once per store; its options, words and theme follow through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, mapRef]);

  useEffect(() => {
    map?.setAnalysis(analysis.result, analysis.error !== null && analysis.result === null);
  }, [map, analysis.result, analysis.error]);

  useEffect(() => {
    map?.select(selectedId);
  }, [selectedId, map]);

  // A theme change restyles the live map: at 30,000 contacts a new map would load the whole document again.
  const styled = useRef(theme);
  useEffect(() => {
    if (!map || styled.current === theme) return;
    styled.current = theme;
    map.restyle();
  }, [map, theme]);

  useEffect(() => {
    map?.setOptions(options);
  }, [map, options]);

  useEffect(() => {
    map?.setWords({ loose: t('map.loose'), me: t('map.me') });
  }, [map, t]);

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
      {map && <HoverCard map={map} />}
      {map && <Minimap map={map} />}
      <ZoomControls mapRef={mapRef} />
    </>
  );
}
