import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { baseName } from '../dialogs/PathDialog.js';

type Props = { files: string[]; onOpen(path: string): void };

/** A disclosure listing the recent documents; Escape or a click elsewhere closes it. */
export function RecentMenu({ files, onOpen }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    root.current?.querySelector<HTMLElement>('.popover button')?.focus();
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="popover-anchor" ref={root}>
      <button
        ref={button}
        type="button"
        className="tool"
        aria-expanded={open}
        aria-controls={listId}
        title={t('toolbar.recentHint')}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="clock" />
        <span>{t('toolbar.recent')}</span>
        <Icon name="chevron" size={14} />
      </button>
      {open && (
        <div className="popover" id={listId}>
          {files.length === 0 ? (
            <p className="hint">{t('pathDialog.noRecent')}</p>
          ) : (
            <ul className="recent-list">
              {files.map((f) => (
                <li key={f}>
                  <button
                    type="button"
                    className="recent-item"
                    title={f}
                    onClick={() => {
                      setOpen(false);
                      onOpen(f);
                    }}
                  >
                    <span className="recent-name">{baseName(f)}</span>
                    <span className="recent-path">{f}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
