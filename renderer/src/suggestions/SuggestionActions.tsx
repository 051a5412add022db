import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeSet } from '../../../shared/document/operations.js';
import { Icon } from '../components/Icon.js';
import { today } from '../analysis/analysisClient.js';
import { useStore } from '../state/StoreContext.js';
import { dismissSuggestion, snoozeSuggestion, SNOOZE_DAYS } from '../../../shared/document/suggestions.js';

type Props = {
  /** The key of the suggestion in `doc.suggestions`. */
  suggestionKey: string;
  /** Who or what the item is about: ends every button's accessible name, so each one is unique on the page. */
  subject: string;
  /** The contact to show on the map, if the item is about one. */
  contactId?: string;
  onOpenContact(id: string): void;
  /** Opens the "log an interaction" dialog for that contact. */
  onLog?(): void;
  /** Other buttons of the item, shown first. */
  leading?: ReactNode;
};

/** The buttons under a suggestion; snoozing and dismissing are undoable edits of the document. */
export function SuggestionActions({ suggestionKey, subject, contactId, onOpenContact, onLog, leading }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const named = (key: string, opts: Record<string, unknown> = {}) => `${t(key, opts)}: ${subject}`;
  // The item leaves the list: the focus goes to the next one (or the previous, or the tab panel), not to the page.
  const hide = async (e: MouseEvent<HTMLElement>, set: ChangeSet) => {
    const item = e.currentTarget.closest('li');
    const neighbour = item?.nextElementSibling ?? item?.previousElementSibling;
    const panel = e.currentTarget.closest<HTMLElement>('[role=tabpanel]');
    if (await store.apply(set)) (neighbour?.querySelector<HTMLElement>('button') ?? panel)?.focus();
  };
  return (
    <div className="sugg-actions">
      {leading}
      {contactId && (
        <button type="button" className="sugg-button" aria-label={named('analysis.actions.show')} title={named('analysis.actions.show')} onClick={() => onOpenContact(contactId)}>
          <Icon name="pin" size={15} />
          <span>{t('analysis.actions.show')}</span>
        </button>
      )}
      {onLog && (
        <button type="button" className="sugg-button primary" aria-label={named('analysis.actions.log')} title={named('analysis.actions.log')} onClick={onLog}>
          <Icon name="chat" size={15} />
          <span>{t('analysis.actions.log')}</span>
        </button>
      )}
      <span className="sugg-secondary">
        <button
          type="button"
          className="sugg-button quiet"
          aria-label={named('analysis.actions.snooze', { count: SNOOZE_DAYS })}
          title={named('analysis.actions.snoozeHint', { count: SNOOZE_DAYS })}
          onClick={(e) => void hide(e, snoozeSuggestion(suggestionKey, today()))}
        >
          <Icon name="clock" size={15} />
          <span>{t('analysis.actions.snooze', { count: SNOOZE_DAYS })}</span>
        </button>
        <button
          type="button"
          className="sugg-button quiet"
          aria-label={named('analysis.actions.dismiss')}
          title={named('analysis.actions.dismissHint')}
          onClick={(e) => void hide(e, dismissSuggestion(suggestionKey))}
        >
          <Icon name="close" size={15} />
          <span>{t('analysis.actions.dismiss')}</span>
        </button>
      </span>
    </div>
  );
}
