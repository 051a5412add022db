import { useTranslation } from 'react-i18next';
import { Dialog } from '../dialogs/Dialog.js';

type Props = { message: string; onKeep(): void; onDiscard(): void; onSave(): void };

/** Asked when a panel with unsaved changes would close or switch: keeping them is the safe choice, and has the focus. */
export function UnsavedDialog({ message, onKeep, onDiscard, onSave }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('panel.unsavedTitle')}
      onClose={onKeep}
      className="dialog-small"
      footer={
        <>
          <button type="button" className="button" data-autofocus onClick={onKeep}>
            {t('panel.keepEditing')}
          </button>
          <button type="button" className="button danger-quiet" onClick={onDiscard}>
            {t('panel.discard')}
          </button>
          <button type="button" className="button primary" onClick={onSave}>
            {t('panel.save')}
          </button>
        </>
      }
    >
      <p>{message}</p>
    </Dialog>
  );
}
