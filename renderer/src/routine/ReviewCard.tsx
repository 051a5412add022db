import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import type { CarnetDocument, ReviewSession } from '../../../shared/document/schema.js';
import { toLanguage } from '../../../shared/i18n/index.js';
import { formatDay } from '../../../shared/routine/phrases.js';

/** The cadences keys 1 to 6 pick in cadence mode (null: as closeness and categories say). */
export const CADENCES: readonly (number | null)[] = [7, 30, 90, 180, 365, null];

type Props = {
  doc: CarnetDocument;
  result: AnalysisResult | null;
  review: ReviewSession;
  /** Index of the contact in the review. */
  position: number;
  decided: 'kept' | 'archived' | null;
  contactId: string;
  cadenceOpen: boolean;
  onKeep(): void;
  onArchive(): void;
  onNext(): void;
  onBack(): void;
  onCadence(): void;
  onCategory(): void;
};

/** One contact of a review: who they are, when you last talked, their cadence and closeness, and the keys to decide. */
export function ReviewCard({ doc, result, review, position, decided, contactId, cadenceOpen, onKeep, onArchive, onNext, onBack, onCadence, onCategory }: Props) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const c = Object.hasOwn(doc.contacts, contactId) ? doc.contacts[contactId]! : null;
  const analysed = result?.contacts.find((x) => x.id === contactId);
  const job = c?.organizations.find((o) => o.current) ?? c?.organizations[0];
  const key = (k: string, what: string) => (
    <li>
      <kbd>{k}</kbd> {t(`routine.review.key.${what}`)}
    </li>
  );

  return (
    <div className="review-layout">
      <section className="review-card" aria-label={t('routine.review.card')} aria-describedby="review-keys">
        {!c ? (
          <h3>{t('routine.week.deleted')}</h3>
        ) : (
          <>
            <header>
              <h3 className="review-name">{c.name}</h3>
              {decided && <span className={`badge decided-${decided}`}>{t(`routine.review.decided.${decided}`)}</span>}
            </header>
            {job && <p className="review-job">{[job.title, job.name].filter(Boolean).join(' · ')}</p>}
            <dl className="review-facts">
              {c.city && (
                <div>
                  <dt>{t('panel.city')}</dt>
                  <dd>{c.city}</dd>
                </div>
              )}
              {c.emails.length > 0 && (
                <div>
                  <dt>{t('panel.emails')}</dt>
                  <dd>{c.emails.map((e) => e.value).join(', ')}</dd>
                </div>
              )}
              <div>
                <dt>{t('routine.review.last')}</dt>
                <dd>{analysed?.lastInteraction ? formatDay(lang, analysed.lastInteraction) : t('routine.review.neverContacted')}</dd>
              </div>
              <div>
                <dt>{t('routine.review.closeness')}</dt>
                <dd data-testid="review-closeness">{c.strength ? `${c.strength} / 5` : t('routine.review.closenessNone')}</dd>
              </div>
              <div>
                <dt>{t('routine.review.cadence')}</dt>
                <dd data-testid="review-cadence">{c.cadenceDays ? t('routine.review.cadenceDays', { count: c.cadenceDays }) : t('routine.review.cadenceDefault')}</dd>
              </div>
              <div>
                <dt>{t('routine.objectives.categories')}</dt>
                <dd data-testid="review-categories">
                  {c.categories.length ? c.categories.map((id) => (Object.hasOwn(doc.categories, id) ? doc.categories[id]!.name : id)).join(', ') : '—'}
                </dd>
              </div>
            </dl>
          </>
        )}
        {cadenceOpen && c && (
          <div className="review-cadence" role="group" aria-label={t('routine.review.cadenceTitle', { name: c.name })}>
            <p className="hint">{t('routine.review.cadenceHint')}</p>
            <ol>
              {CADENCES.map((days, i) => (
                <li key={String(days)}>
                  <kbd>{i + 1}</kbd> {t(`routine.review.cadenceOptions.${days ?? 'none'}`)}
                </li>
              ))}
            </ol>
          </div>
        )}
        <div className="review-buttons">
          <button type="button" className="button" onClick={onBack} disabled={position === 0} aria-keyshortcuts="ArrowLeft">
            ← {t('routine.review.back')}
          </button>
          {c && (
            <>
              <button type="button" className="button primary" onClick={onKeep} aria-keyshortcuts="K">
                {t('routine.review.keep')} <kbd>K</kbd>
              </button>
              <button type="button" className="button" onClick={onArchive} aria-keyshortcuts="A">
                {t('routine.review.archive')} <kbd>A</kbd>
              </button>
              <button type="button" className="button" onClick={onCadence} aria-keyshortcuts="D">
                {t('routine.review.setCadence')} <kbd>D</kbd>
              </button>
              <button type="button" className="button" onClick={onCategory} aria-keyshortcuts="C">
                {t('routine.review.setCategory')} <kbd>C</kbd>
              </button>
            </>
          )}
          <button type="button" className="button" onClick={onNext} aria-keyshortcuts="ArrowRight">
            {t('routine.review.next')} →
          </button>
        </div>
      </section>
      <aside className="review-keys" id="review-keys" aria-label={t('routine.review.keys')}>
        <h3>{t('routine.review.keys')}</h3>
        <ul>
          {key('K', 'keep')}
          {key('A', 'archive')}
          {key('→', 'next')}
          {key('←', 'back')}
          {key('1–5', 'closeness')}
          {key('D', 'cadence')}
          {key('C', 'category')}
          {key('Ctrl+Z', 'undo')}
          {key('Esc', 'close')}
        </ul>
      </aside>
    </div>
  );
}
