import { useTranslation } from 'react-i18next';
import { decideReview } from '../../../shared/document/reviews.js';
import type { CarnetDocument, ReviewSession } from '../../../shared/document/schema.js';
import type { ReviewProgress } from '../../../shared/routine/reviewProgress.js';
import { greetingsCsv, greetingsVcard, keptContacts } from '../../../shared/routine/greetings.js';
import { saveDownload } from '../export/runExport.js';
import { useStore } from '../state/StoreContext.js';

type Props = { doc: CarnetDocument; review: ReviewSession; progress: ReviewProgress; onBack(): void; onResume(): void; onAgain(): void; onClose(): void };

/** The end of a review: what was kept and archived (archiving undone one by one if wanted), and the greetings list. */
export function ReviewSummary({ doc, review, progress, onBack, onResume, onAgain, onClose }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const kept = keptContacts(doc, review);
  const archived = [...progress.marks.values()].filter((m) => m.decision === 'archived' && Object.hasOwn(doc.contacts, m.contact)).sort((a, b) => a.index - b.index);
  const left = review.contacts.length - progress.kept - progress.archived;
  const download = (kind: 'csv' | 'vcf') =>
    saveDownload(
      `carnet-greetings.${kind}`,
      kind === 'csv' ? new Blob([greetingsCsv(kept)], { type: 'text/csv' }) : new Blob([greetingsVcard(doc, kept)], { type: 'text/vcard' }),
    );
  return (
    <section className="review-summary" aria-labelledby="review-summary-title">
      <h3 id="review-summary-title">{t('routine.review.summary')}</h3>
      <p data-testid="review-counts">{t('routine.review.summaryCounts', { count: progress.kept + progress.archived, kept: progress.kept, archived: progress.archived })}</p>
      {left > 0 && (
        <p className="hint">
          {t('routine.review.left', { count: left })}{' '}
          <button type="button" className="sugg-button" onClick={onResume}>
            {t('routine.review.toLeft')}
          </button>
        </p>
      )}
      {archived.length > 0 && (
        <>
          <h4 className="sugg-sub">{t('routine.review.archivedList')}</h4>
          <ul className="review-archived" aria-label={t('routine.review.archivedList')}>
            {archived.map((m) => (
              <li key={m.id}>
                <span>{doc.contacts[m.contact]!.name}</span>
                <button type="button" className="sugg-button quiet" aria-label={`${t('routine.review.bringBack')}: ${doc.contacts[m.contact]!.name}`} onClick={() => void store.apply(decideReview(doc, review.id, m.index, 'kept'))}>
                  {t('routine.review.bringBack')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4 className="sugg-sub">{t('routine.review.greetings')}</h4>
      <p className="hint">{t('routine.review.greetingsHint', { count: kept.length })}</p>
      <div className="review-buttons">
        <button type="button" className="button" disabled={kept.length === 0} onClick={() => download('csv')}>
          {t('routine.review.greetingsCsv')}
        </button>
        <button type="button" className="button" disabled={kept.length === 0} onClick={() => download('vcf')}>
          {t('routine.review.greetingsVcard')}
        </button>
      </div>
      <div className="review-buttons">
        <button type="button" className="button" onClick={onBack}>
          ← {t('routine.review.back')}
        </button>
        <button type="button" className="button" onClick={onAgain}>
          {t('routine.review.again')}
        </button>
        <button type="button" className="button primary" onClick={onClose}>
          {t('routine.review.closeDone')}
        </button>
      </div>
    </section>
  );
}
