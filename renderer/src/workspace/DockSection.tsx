import { useId, type ReactNode } from 'react';
import { Icon, type IconName } from '../components/Icon.js';

type Props = {
  title: string;
  icon: IconName;
  open: boolean;
  onToggle(): void;
  /** Shown after the title (a count). */
  badge?: ReactNode;
  className?: string;
  children: ReactNode;
};

/**
 * One panel of the side dock: a header that folds and unfolds it, and its
 * content, which scrolls within the room the dock gives it.
 */
export function DockSection({ title, icon, open, onToggle, badge, className, children }: Props) {
  const bodyId = useId();
  return (
    <section className={`dock-section${open ? ' open' : ''}${className ? ` ${className}` : ''}`} aria-label={title}>
      <h2 className="dock-section-heading">
        <button type="button" className="dock-section-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          <Icon name={icon} size={16} />
          <span className="dock-section-title">{title}</span>
          {badge}
          <span className={`dock-chevron${open ? ' open' : ''}`} aria-hidden="true">
            <Icon name="chevron" size={16} />
          </span>
        </button>
      </h2>
      <div className="dock-section-body" id={bodyId} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
