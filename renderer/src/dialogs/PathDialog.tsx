import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveTargetExists } from '../../../shared/api/contract.js';
import { baseName } from './baseName.js';
import { Dialog } from './Dialog.js';
import { ReplaceDialog } from './ReplaceDialog.js';

type Props = {
  mode: 'open' | 'saveAs';
  initialPath: string;
  recentFiles: string[];
  /**
   * Opens or saves. For Save As, `{exists}` means the file is there and
   * nothing was written: the dialog asks, and submits again with `replace`.
   */
  onSubmit(path: string, replace: boolean): Promise<boolean | SaveTargetExists>;
  onClose(): void;
};

/**
 * Browser mode has no native file dialog: the user types the path of a file
 * on the machine running `carnet web` (or picks a recent one). The Electron
 * shell uses the system dialogs instead.
 */
export function PathDialog({ mode, initialPath, recentFiles, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [path, setPath] = useState(initialPath);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [replacing, setReplacing] = useState<SaveTargetExists['exists'] | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = async (value: string, replace = false) => {
    const trimmed = value.trim();
    if (!trimmed) {
      setError(t('pathDialog.required'));
      return;
    }
    setBusy(true);
    const result = await onSubmit(trimmed, replace);
    setBusy(false);
    if (typeof result === 'object') setReplacing(result.exists);
    else if (result) onClose();
  };

  return (
    <Dialog
      title={t(mode === 'open' ? 'pathDialog.openTitle' : 'pathDialog.saveAsTitle')}
      onClose={onClose}
      onSubmit={() => void submit(path)}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t(mode === 'open' ? 'pathDialog.open' : 'pathDialog.save')}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={inputId}>{t('pathDialog.path')}</label>
        <input
          id={inputId}
          data-autofocus
          type="text"
          value={path}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setPath(e.target.value);
            setError(null);
          }}
        />
        <p id={hintId} className="hint">
          {t(mode === 'open' ? 'pathDialog.openHint' : 'pathDialog.saveAsHint')}
        </p>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {mode === 'open' && (
        <section className="recent-section" aria-labelledby={`${inputId}-recent`}>
          <h3 id={`${inputId}-recent`}>{t('pathDialog.recent')}</h3>
          {recentFiles.length === 0 ? (
            <p className="hint">{t('pathDialog.noRecent')}</p>
          ) : (
            <ul className="recent-list">
              {recentFiles.map((f) => (
                <li key={f}>
                  <button type="button" className="recent-item" title={f} onClick={() => void submit(f)}>
                    <span className="recent-name">{baseName(f)}</span>
                    <span className="recent-path">{f}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {replacing && (
        <ReplaceDialog target={replacing} onReplace={() => void submit(replacing.path, true)} onClose={() => setReplacing(null)} />
      )}
    </Dialog>
  );
}

export { baseName };
