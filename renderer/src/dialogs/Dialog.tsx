import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';

type Props = {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom, in reading order. */
  footer?: ReactNode;
  /** Wraps the body in a form: Enter submits. */
  onSubmit?(): void;
  className?: string;
};

/**
 * A modal built on <dialog>.showModal(): the browser makes the rest of the
 * page inert and handles Escape; focus goes back where it was on close.
 * Mount it to open it, unmount it to close it. The element marked
 * `data-autofocus` gets the focus first.
 */
export function Dialog({ title, onClose, children, footer, onSubmit, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();

  useEffect(() => {
    const dialog = ref.current!;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // React's autoFocus runs before showModal(), which then moves focus: mark the field with data-autofocus instead.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, []);

  const body = (
    <>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label={t('dialog.close')} title={t('dialog.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {onSubmit ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}
