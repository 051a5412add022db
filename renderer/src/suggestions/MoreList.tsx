import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props<T> = {
  items: T[];
  keyOf(item: T): string;
  render(item: T): ReactNode;
  /** Accessible name of the list. */
  label: string;
  ordered?: boolean;
  /** Items shown before "Show more" (long lists stay cheap to render). */
  step?: number;
  className?: string;
};

/** A real list that shows its first items and grows on demand. */
export function MoreList<T>({ items, keyOf, render, label, ordered, step = 8, className }: Props<T>) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(step);
  const List = ordered ? 'ol' : 'ul';
  const rest = items.length - shown;
  return (
    <>
      <List className={`sugg-list ${className ?? ''}`} aria-label={label}>
        {items.slice(0, shown).map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </List>
      {rest > 0 && (
        <button type="button" className="link-button more-button" onClick={() => setShown(shown + step)}>
          {t('analysis.showMore', { count: Math.min(step, rest), label })}
        </button>
      )}
    </>
  );
}
