import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decideReview, moveReview, setCadence, setCloseness, startReview } from '../../../shared/document/reviews.js';
import type { CarnetDocument, ReviewSession } from '../../../shared/document/schema.js';
import { useAnalysis } from '../analysis/useAnalysis.js';
import { CategoryPicker } from '../categories/CategoryPicker.js';
import { Icon } from '../components/Icon.js';
import { useStore } from '../state/StoreContext.js';
import { CADENCES, ReviewCard } from './ReviewCard.js';
import { ReviewStart } from './ReviewStart.js';
import { ReviewSummary } from './ReviewSummary.js';
import type { ReviewRequest } from './useReviewMode.js';
import './review.css';

type Props = {
  doc: CarnetDocument;
  version: number;
  request: ReviewRequest;
  onClose(): void;
};

/** The review being walked through: the unfinished one touched last, if any. */
export function currentReview(doc: CarnetDocument): ReviewSession | null {
  let best: ReviewSession | null = null;
  for (const r of Object.values(doc.reviews)) if (!r.finishedAt && (!best || r.updatedAt > best.updatedAt)) best = r;
  return best;
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Review mode, over the whole window: a set of contacts one at a time, from
 * the keyboard alone (K keep, A archive, → next, ← back, 1–5 closeness,
 * D cadence, C category, Ctrl+Z undo, Escape to pause). Every decision is an
 * undoable edit and the position is saved in the document, so a review
 * resumes where it was left, after a reload too.
 */
export function ReviewMode({ doc, version, request, onClose }: Props) {
  const { t } = useTranslation();
  const { result } = useAnalysis();
  const store = useStore();
  const ref = useRef<HTMLDialogElement>(null);
  const [reviewId, setReviewId] = useState<string | null>(() => currentReview(doc)?.id ?? null);
  const [choosing, setChoosing] = useState(request.imported || reviewId === null);
  const [mode, setMode] = useState<'cadence' | 'category' | null>(null);
  const [said, setSaid] = useState('');
  const review = reviewId && Object.hasOwn(doc.reviews, reviewId) ? doc.reviews[reviewId]! : null;
  const contactId = review && review.position < review.contacts.length ? review.contacts[review.position]! : null;
  const contact = contactId && Object.hasOwn(doc.contacts, contactId) ? doc.contacts[contactId]! : null;
  // Opened on a review already under way (after a reload, say): say so once.
  const [resumed] = useState(() => !choosing && review !== null && review.position > 0);

  useEffect(() => {
    const dialog = ref.current!;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog).focus();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, []);

  useEffect(() => {
    if (resumed) setSaid(t('routine.review.resumed'));
  }, [resumed, t]);

  const go = (position: number) => {
    if (!review) return;
    void store.apply(moveReview(doc, review.id, position), { undoable: false });
  };
  const decide = async (decision: 'keep' | 'archive') => {
    if (!review || !contactId) return;
    const name = contact?.name ?? contactId;
    if (await store.apply(decideReview(doc, review.id, decision))) setSaid(`${t(decision === 'keep' ? 'routine.review.decided.kept' : 'routine.review.decided.archived')}: ${name}`);
  };
  const start = async (set: ReviewSession['set'], ids: string[]) => {
    const set2 = startReview(set, ids);
    const id = set2.changes[0]!.op === 'put' ? set2.changes[0]!.id : null;
    if (await store.apply(set2)) {
      setReviewId(id);
      setChoosing(false);
      ref.current?.focus();
    }
  };

  const onKey = (e: KeyboardEvent<HTMLDialogElement>) => {
    // Keys typed in a field, or in the category picker opened on top, are theirs.
    if (typing(e.target) || (e.target as HTMLElement).closest('dialog') !== ref.current) return;
    const key = e.key;
    // Enter and Space on a focused button press that button, nothing more.
    if (e.target instanceof HTMLButtonElement && (key === 'Enter' || key === ' ')) return;
    if ((e.ctrlKey || e.metaKey) && !e.altKey && key.toLowerCase() === 'z') {
      e.preventDefault();
      void (e.shiftKey ? store.redo() : store.undo());
      return;
    }
    if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === 'y') {
      e.preventDefault();
      void store.redo();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || choosing || !review) return;
    if (mode === 'cadence') {
      e.preventDefault();
      const choice = CADENCES[Number(key) - 1];
      if (choice !== undefined && contact) void store.apply(setCadence(doc, contact.id, choice));
      if (choice !== undefined || key === 'Escape') setMode(null);
      return;
    }
    const lower = key.toLowerCase();
    let handled = true;
    if (key === 'ArrowRight' || lower === 'n') go(review.position + 1);
    else if (key === 'ArrowLeft' || lower === 'p') go(review.position - 1);
    else if (!contact) handled = false;
    else if (lower === 'k' || key === 'Enter') void decide('keep');
    else if (lower === 'a') void decide('archive');
    else if (/^[0-5]$/.test(key)) void store.apply(setCloseness(doc, contact.id, key === '0' ? null : Number(key)));
    else if (lower === 'd') setMode('cadence');
    else if (lower === 'c') setMode('category');
    else handled = false;
    if (handled) e.preventDefault();
  };

  const finished = review !== null && review.position >= review.contacts.length;

  return (
    <dialog
      ref={ref}
      className="review-mode"
      aria-labelledby="review-title"
      tabIndex={-1}
      onKeyDown={onKey}
      onCancel={(e) => {
        e.preventDefault();
        if (mode) setMode(null);
        else onClose();
      }}
    >
      <header className="review-header">
        <h2 id="review-title">{t('routine.review.title')}</h2>
        {review && !choosing && (
          <>
            <span className="review-set">{review.set.label ?? t(`routine.review.sets.${review.set.kind}`)}</span>
            <span className="review-progress" role="status" aria-live="polite">
              {t('routine.review.progress', { position: Math.min(review.position + 1, review.contacts.length), count: review.contacts.length })}
            </span>
            <span className="routine-bar review-bar" aria-hidden="true">
              <span style={{ width: `${review.contacts.length ? (100 * review.position) / review.contacts.length : 100}%` }} />
            </span>
          </>
        )}
        <button type="button" className="icon-button review-close" aria-label={t('routine.review.close')} title={t('routine.review.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="review-body">
        {choosing || !review ? (
          <ReviewStart
            doc={doc}
            version={version}
            result={result}
            initial={request.imported ? 'imported' : 'all'}
            onStart={(set, ids) => void start(set, ids)}
            onResume={(id) => {
              setReviewId(id);
              setChoosing(false);
              ref.current?.focus();
            }}
          />
        ) : finished ? (
          <ReviewSummary doc={doc} review={review} onBack={() => go(review.contacts.length - 1)} onAgain={() => setChoosing(true)} onClose={onClose} />
        ) : (
          <ReviewCard
            doc={doc}
            result={result}
            review={review}
            contactId={contactId!}
            cadenceOpen={mode === 'cadence'}
            onKeep={() => void decide('keep')}
            onArchive={() => void decide('archive')}
            onNext={() => go(review.position + 1)}
            onBack={() => go(review.position - 1)}
            onCadence={() => setMode('cadence')}
            onCategory={() => setMode('category')}
          />
        )}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
      {mode === 'category' && contact && (
        <CategoryPicker
          doc={doc}
          version={version}
          ids={[contact.id]}
          onClose={() => {
            setMode(null);
            ref.current?.focus();
          }}
        />
      )}
    </dialog>
  );
}
