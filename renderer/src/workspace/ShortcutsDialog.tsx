import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../dialogs/Dialog.js';

/** Every shortcut of the window, as keys and what they do (catalog keys under `shortcuts.`). */
const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['Ctrl', 'K'], what: 'search' },
  { keys: ['Ctrl', 'Z'], what: 'undo' },
  { keys: ['Ctrl', 'Shift', 'Z'], what: 'redo' },
  { keys: ['←', '↑', '→', '↓'], what: 'arrows' },
  { keys: ['Enter'], what: 'enter' },
  { keys: ['Esc'], what: 'escape' },
  { keys: ['C'], what: 'categorize' },
  { keys: ['Shift', 'drag'], what: 'select' },
  { keys: ['double-click'], what: 'ego' },
  { keys: ['?'], what: 'help' },
];

/** The keyboard shortcuts, listed ("?" opens it). */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <Dialog
      title={t('shortcuts.title')}
      onClose={onClose}
      footer={
        <button type="button" className="button primary" data-autofocus onClick={onClose}>
          {t('settings.done')}
        </button>
      }
    >
      <dl className="shortcuts">
        {SHORTCUTS.map((s) => (
          <div key={s.what} className="shortcut">
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && (s.what === 'arrows' ? ' ' : ' + ')}
                  <kbd>{k === 'Ctrl' && mac ? '⌘' : k === 'drag' || k === 'double-click' ? t(`shortcuts.key.${k}`) : k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`shortcuts.${s.what}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** "?" (outside text fields and dialogs) asks for the shortcuts. */
export function useHelpShortcut(onHelp: () => void): void {
  const ref = useRef(onHelp);
  ref.current = onHelp;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
