import type { Range } from '../../../shared/search/searchIndex.js';

/** A text with its matched spans in <mark>. */
export function Highlighted({ text, ranges }: { text: string; ranges: Range[] }) {
  const parts = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
