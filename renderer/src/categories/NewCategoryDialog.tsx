import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../dialogs/Dialog.js';

type Props = { count: number; onSubmit(name: string): void; onClose(): void };

/** Asks the name of a category created by dropping contacts on "New category". */
export function NewCategoryDialog({ count, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState(false);
  return (
    <Dialog
      title={t('categories.newTitle')}
      className="dialog-small"
      onClose={onClose}
      onSubmit={() => {
        if (!name.trim()) return setError(true);
        onSubmit(name.trim());
      }}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button primary">
            {t('categories.create')}
          </button>
        </>
      }
    >
      <p>{t('categories.newHint', { count })}</p>
      <div className="field">
        <label htmlFor={inputId}>{t('categories.name')}</label>
        <input
          id={inputId}
          type="text"
          data-autofocus
          value={name}
          maxLength={200}
          aria-invalid={error}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(false);
          }}
        />
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {t('categories.nameRequired')}
          </p>
        )}
      </div>
    </Dialog>
  );
}
