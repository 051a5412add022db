import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../dialogs/Dialog.js';
import { NameField } from '../components/NameField.js';

type Props = { count: number; onSubmit(name: string): void; onClose(): void };

/** Asks the name of a category created by dropping contacts on "New category". */
export function NewCategoryDialog({ count, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
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
      <NameField
        label={t('categories.name')}
        value={name}
        error={error ? t('categories.nameRequired') : null}
        onChange={(v) => {
          setName(v);
          setError(false);
        }}
      />
    </Dialog>
  );
}
