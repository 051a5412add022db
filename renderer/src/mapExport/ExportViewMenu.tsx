import { useEffect, useId, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetMap } from '../map/engine/carnetMap.js';
import { useStore } from '../state/StoreContext.js';
import { drawingToSvg } from './svgExport.js';
import './mapExport.css';

type Props = { mapRef: MutableRefObject<CarnetMap | null>; disabled: boolean; title: string };

/** The browser saves a file the page made (works the same in Electron's window). */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileName(title: string, ext: string): string {
  const base = title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'carnet';
  return `${base} — ${new Date().toISOString().slice(0, 10)}.${ext}`;
}

/** Toolbar menu: the map as it is on screen, as a PNG or SVG image. */
export function ExportViewMenu({ mapRef, disabled, title }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [open]);

  const save = (format: 'png' | 'svg') => {
    setOpen(false);
    const map = mapRef.current;
    if (!map) return;
    const css = getComputedStyle(document.documentElement);
    const background = css.getPropertyValue('--map-bg').trim() || '#ffffff';
    if (format === 'png') void map.png(background).then((png) => download(png, fileName(title, 'png')), (e: unknown) => store.fail(e));
    else download(new Blob([drawingToSvg(map.drawing(), background, css.getPropertyValue('--font').trim())], { type: 'image/svg+xml' }), fileName(title, 'svg'));
  };

  return (
    <div
      className="export-view-anchor"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLElement>('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="tool icon-only"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('mapExport.button')}
        title={t('mapExport.button')}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
          <path d="M4 5h16v14H4zM4 15l4-4 4 4 3-3 5 5M15 9h.01" />
        </svg>
      </button>
      {open && (
        <div id={menuId} role="menu" className="popover export-view-menu" aria-label={t('mapExport.button')}>
          <button type="button" role="menuitem" className="recent-item" onClick={() => save('png')}>
            <span className="recent-name">{t('mapExport.png')}</span>
            <span className="recent-path">{t('mapExport.pngHint')}</span>
          </button>
          <button type="button" role="menuitem" className="recent-item" onClick={() => save('svg')}>
            <span className="recent-name">{t('mapExport.svg')}</span>
            <span className="recent-path">{t('mapExport.svgHint')}</span>
          </button>
        </div>
      )}
    </div>
  );
}
