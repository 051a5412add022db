import { useTranslation } from 'react-i18next';
import type { SaveTargetExists } from '../../../shared/api/contract.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { baseName } from './baseName.js';

type Props = { target: SaveTargetExists['exists']; onReplace(): void; onClose(): void };

/** Asks before Save As replaces an existing file, saying whether it is a Carnet document (kept as a backup) or not (lost). */
export function ReplaceDialog({ target, onReplace, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('pathDialog.replaceTitle', { name: baseName(target.path) })}
      message={t(target.carnet ? 'pathDialog.replaceCarnet' : 'pathDialog.replaceOther', { path: target.path })}
      confirmLabel={t('pathDialog.replace')}
      onConfirm={onReplace}
      onClose={onClose}
    />
  );
}
