import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Settings } from '../../../shared/api/contract.js';
import { ThemeSelect } from '../theme/ThemeSelect.js';
import { Dialog } from './Dialog.js';

type Props = { settings: Settings; onLanguage(language: Language | null): void; onClose(): void };

/** Language names are written in their own language, as users look for them. */
const NAMES: Record<Language, string> = { fr: 'Français', en: 'English' };

export function SettingsDialog({ settings, onLanguage, onClose }: Props) {
  const { t } = useTranslation();
  const selectId = useId();
  return (
    <Dialog
      title={t('settings.title')}
      onClose={onClose}
      className="dialog-small"
      footer={
        <button type="button" className="button primary" onClick={onClose}>
          {t('settings.done')}
        </button>
      }
    >
      <div className="field">
        <label htmlFor={selectId}>{t('settings.language')}</label>
        <select
          id={selectId}
          data-autofocus
          value={settings.language ?? 'system'}
          onChange={(e) => onLanguage(e.target.value === 'system' ? null : (e.target.value as Language))}
        >
          <option value="fr" lang="fr">
            {NAMES.fr}
          </option>
          <option value="en" lang="en">
            {NAMES.en}
          </option>
          <option value="system">{t('settings.system', { language: NAMES[settings.systemLanguage] })}</option>
        </select>
      </div>
      <ThemeSelect />
    </Dialog>
  );
}
