import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import type { UnsavedGuard } from './panelGuard.js';
import { UnsavedDialog } from './UnsavedDialog.js';
import './panels.css';

type Props = {
  eyebrow: string;
  title: string;
  /** Under the title: badges and the actions that apply at once (archive, delete). */
  headerExtra?: ReactNode;
  children: ReactNode;
  /** The panel's guard (useUnsavedGuard): the request it holds is asked about here. */
  guard: UnsavedGuard;
  dirty: boolean;
  saving: boolean;
  /** True once saved (or nothing to save); false when the draft has errors or the edit was refused. */
  save(): Promise<boolean>;
  /** Puts the draft back as stored. */
  revert(): void;
  /** Whether Revert has something to put back (default: whenever the panel is dirty). */
  canRevert?: boolean;
  /** Asks to close (through the guard). */
  onClose(): void;
  saveLabel: string;
  /** Save stays enabled without changes (a new contact is saved as it is). */
  alwaysSavable?: boolean;
  /** The question asked before unsaved changes are lost. */
  unsavedMessage: string;
};

/**
 * The frame of the side panel (a contact, a new contact, the user's profile): header, scrolling body, and a
 * footer whose Save never leaves the screen. Closing it with ×, Escape or another request while the draft
 * has unsaved changes asks: save, discard, or keep editing.
 */
export function PanelShell(props: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const { pending, setPending, release } = props.guard;

  return (
    <aside
      className="side-panel"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        // Escape inside a dialog of the panel belongs to that dialog; widgets that use Escape stop it themselves.
        if (e.key !== 'Escape' || (e.target as Element).closest('dialog')) return;
        // The question below opens during this very keydown: left alone, the key's default action (a close
        // request to the topmost modal) would dismiss it at once.
        e.preventDefault();
        props.onClose();
      }}
    >
      <form
        className="panel-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void props.save();
        }}
      >
        <header className="panel-header">
          <div className="panel-heading">
            <p className="eyebrow">{props.eyebrow}</p>
            <h2 id={headingId}>{props.title}</h2>
            {props.headerExtra}
          </div>
          <button type="button" className="icon-button" aria-label={t('panel.close')} title={t('panel.close')} onClick={props.onClose}>
            <Icon name="close" />
          </button>
        </header>
        <div className="panel-body">{props.children}</div>
        <footer className="panel-footer">
          <button type="button" className="button" onClick={(props.canRevert ?? props.dirty) ? props.revert : props.onClose}>
            {t((props.canRevert ?? props.dirty) ? 'panel.revert' : 'panel.close')}
          </button>
          <button type="submit" className="button primary" disabled={props.saving || (!props.alwaysSavable && !props.dirty)}>
            {props.saveLabel}
          </button>
        </footer>
      </form>
      {pending && (
        <UnsavedDialog
          message={props.unsavedMessage}
          onKeep={() => {
            setPending(null);
            pending.cancel?.();
          }}
          onDiscard={() => {
            setPending(null);
            release();
            pending.proceed();
          }}
          onSave={() => {
            setPending(null);
            void props.save().then((saved) => {
              if (!saved) return pending.cancel?.();
              release();
              pending.proceed();
            });
          }}
        />
      )}
    </aside>
  );
}
