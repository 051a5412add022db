import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { setThemeChoice, useTheme, type ThemeChoice } from './theme.js';

/** The theme field of the settings dialog. */
export function ThemeSelect() {
  const { t } = useTranslation();
  const id = useId();
  const { choice } = useTheme();
  return (
    <div className="field">
      <label htmlFor={id}>{t('theme.label')}</label>
      <select id={id} value={choice} onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)}>
        <option value="system">{t('theme.system')}</option>
        <option value="light">{t('theme.light')}</option>
        <option value="dark">{t('theme.dark')}</option>
      </select>
    </div>
  );
}
