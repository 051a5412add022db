import { useTranslation } from 'react-i18next';
import { ChipInput } from '../components/ChipInput.js';

type Props = { label: string; hint?: string; values: string[]; onChange(values: string[]): void };

/** The keywords of one persona field as removable chips. */
export function KeywordInput({ label, hint, values, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <ChipInput
      className="keyword-field"
      label={label}
      values={values}
      onChange={onChange}
      removeLabel={(keyword) => t('analysis.personas.removeKeyword', { keyword, field: label })}
      placeholder={values.length ? '' : t('analysis.personas.keywordPlaceholder')}
      {...(hint ? { hint } : {})}
    />
  );
}
