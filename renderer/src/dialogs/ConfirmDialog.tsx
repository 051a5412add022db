import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.js';

type Props = { title: string; message: string; confirmLabel: string; onConfirm(): void; onClose(): void };

/** Asks before a destructive action; the safe choice has the focus. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      className="dialog-small"
      footer={
        <>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              onConfirm();
              onClose();
            }}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
    </Dialog>
  );
}
