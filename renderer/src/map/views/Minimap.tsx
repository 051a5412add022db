import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetMap } from '../engine/carnetMap.js';

const WIDTH = 180;
const HEIGHT = 120;

/**
 * The whole map in small (cluster discs) with the visible part as a
 * rectangle; shown only once the view is a small part of the map. Clicking
 * or dragging in it moves the view there. It floats over the map (an
 * obstacle the camera keeps clear of).
 */
export function Minimap({ map }: { map: CarnetMap }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const transform = useRef<{ scale: number; x0: number; y0: number } | null>(null);
  const [shown, setShown] = useState(false);

  useEffect(() => {
    const draw = () => {
      // Read at each draw: a theme change restyles the map without making a new minimap.
      const frame = canvas.current ? getComputedStyle(canvas.current).getPropertyValue('--map-selected').trim() || '#1d4ed8' : '#1d4ed8';
      const { discs, extent } = map.overview();
      if (discs.length === 0) return setShown(false);
      let x1 = Infinity;
      let y1 = Infinity;
      let x2 = -Infinity;
      let y2 = -Infinity;
      for (const d of discs) {
        x1 = Math.min(x1, d.x - d.r);
        y1 = Math.min(y1, d.y - d.r);
        x2 = Math.max(x2, d.x + d.r);
        y2 = Math.max(y2, d.y + d.r);
      }
      const visible = ((extent.x2 - extent.x1) * (extent.y2 - extent.y1)) / ((x2 - x1) * (y2 - y1));
      const show = visible < 0.5;
      setShown(show);
      const el = canvas.current;
      if (!show || !el) return;
      const scale = Math.min((WIDTH - 8) / (x2 - x1), (HEIGHT - 8) / (y2 - y1));
      const x0 = (WIDTH - (x2 - x1) * scale) / 2 - x1 * scale;
      const y0 = (HEIGHT - (y2 - y1) * scale) / 2 - y1 * scale;
      transform.current = { scale, x0, y0 };
      const ratio = window.devicePixelRatio || 1;
      el.width = WIDTH * ratio;
      el.height = HEIGHT * ratio;
      const ctx = el.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      ctx.globalAlpha = 0.55;
      for (const d of discs) {
        ctx.fillStyle = d.color;
        ctx.beginPath();
        ctx.arc(x0 + d.x * scale, y0 + d.y * scale, Math.max(1.5, d.r * scale), 0, 2 * Math.PI);
        ctx.fill();
      }
      ctx.globalAlpha = 1;
      ctx.strokeStyle = frame;
      ctx.lineWidth = 2;
      ctx.strokeRect(x0 + extent.x1 * scale, y0 + extent.y1 * scale, (extent.x2 - extent.x1) * scale, (extent.y2 - extent.y1) * scale);
    };
    draw();
    return map.on('viewport', draw);
  }, [map]);

  // Shown, it covers a corner of the map: whatever the camera framed there moves clear of it. (Only on
  // appearing: reframing when it goes could make it come back, and so on.)
  useEffect(() => {
    if (shown) map.obstaclesChanged();
  }, [map, shown]);

  const moveTo = (e: PointerEvent<HTMLCanvasElement>) => {
    const tr = transform.current;
    if (!tr || (e.type === 'pointermove' && e.buttons !== 1)) return;
    const box = e.currentTarget.getBoundingClientRect();
    map.panTo((e.clientX - box.left - tr.x0) / tr.scale, (e.clientY - box.top - tr.y0) / tr.scale);
  };

  return (
    <canvas
      ref={canvas}
      className="minimap"
      data-map-obstacle="zoomed"
      hidden={!shown}
      role="img"
      aria-label={t('map.overview')}
      style={{ width: WIDTH, height: HEIGHT }}
      onPointerDown={moveTo}
      onPointerMove={moveTo}
    />
  );
}
