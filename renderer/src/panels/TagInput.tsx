import { useTranslation } from 'react-i18next';
import { ChipInput } from '../components/ChipInput.js';

type Props = { tags: string[]; onChange(tags: string[]): void };

/** A contact's tags as removable chips. */
export function TagInput({ tags, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <ChipInput
      label={t('panel.tags')}
      values={tags}
      onChange={onChange}
      removeLabel={(tag) => t('panel.removeTag', { tag })}
      placeholder={t('panel.tagPlaceholder')}
    />
  );
}
