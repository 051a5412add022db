import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

type Props = {
  /** What it resizes, for screen readers ("Resize the diagnosis"). */
  label: string;
  /** The panel's width now, and its bounds. */
  value: number;
  min: number;
  max: number;
  /** Which side of the splitter the panel is on: dragging towards it narrows it. */
  panel: 'left' | 'right';
  onChange(width: number): void;
};

/** Arrow keys move the splitter this far (px); with Shift, four times as far. */
const STEP = 16;

/**
 * The handle between a docked panel and the map (the WAI-ARIA window
 * splitter): drag it, or focus it and use the arrow keys, Home and End.
 */
export function Splitter({ label, value, min, max, panel, onChange }: Props) {
  const start = useRef<{ x: number; width: number } | null>(null);
  const clamp = (w: number) => Math.round(Math.min(max, Math.max(min, w)));
  const sign = panel === 'left' ? 1 : -1;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { x: e.clientX, width: value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    onChange(clamp(start.current.width + sign * (e.clientX - start.current.x)));
  };
  const onPointerUp = () => {
    start.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 4 * STEP : STEP;
    const next =
      e.key === 'ArrowLeft' ? value - sign * step : e.key === 'ArrowRight' ? value + sign * step : e.key === 'Home' ? min : e.key === 'End' ? max : null;
    if (next === null) return;
    e.preventDefault();
    onChange(clamp(next));
  };

  return (
    <div
      className={`splitter splitter-${panel}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
