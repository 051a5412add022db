import type { TFunction } from 'i18next';
import { IMPORT_FORMATS, type ImportFormat } from '../../../shared/import/types.js';

/** A contact source as the user knows it ("Google Contacts CSV"), not as it is stored ("google-csv"). */
export function sourceName(t: TFunction, format: string): string {
  return (IMPORT_FORMATS as readonly string[]).includes(format) ? t(`import.formats.${format as ImportFormat}`) : format;
}
