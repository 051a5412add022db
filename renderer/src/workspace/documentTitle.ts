import type { TFunction } from 'i18next';
import { DEMO_TITLE } from '../../../shared/demo/demoTitle.js';

/** A document's title as the window shows it: the demo's in the interface's language, any other as the user wrote it. */
export function documentTitle(t: TFunction, title: string): string {
  return title === DEMO_TITLE ? t('app.demoTitle') : title;
}
