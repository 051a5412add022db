import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * How many steps of label-hiding the header needs to hold on one line: 0
 * shows every label; each step hides one more group's (toolbar.css). A step
 * is taken when the header overflows, and given back once the header is as
 * wide as it was when that step was needed. `key` (the language) starts over:
 * the words change width.
 */
export function useCompactLevel(ref: RefObject<HTMLElement | null>, max: number, key: string): number {
  const [level, setLevel] = useState(0);
  const needed = useRef<number[]>([]);
  const seen = useRef(key);
  if (seen.current !== key) {
    seen.current = key;
    needed.current = [];
  }

  useLayoutEffect(() => {
    setLevel(0);
  }, [key]);

  useLayoutEffect(() => {
    const header = ref.current?.parentElement;
    if (!header) return;
    const check = () => {
      if (header.scrollWidth > header.clientWidth + 1) {
        if (level < max) {
          needed.current[level] = header.scrollWidth;
          setLevel(level + 1);
        }
      } else if (level > 0 && (needed.current[level - 1] ?? Infinity) <= header.clientWidth) {
        setLevel(level - 1);
      }
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(header);
    return () => observer.disconnect();
  }, [ref, level, max, key]);

  return level;
}
