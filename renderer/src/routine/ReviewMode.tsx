import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decideReview, setCadence, setCloseness, startReview } from '../../../shared/document/reviews.js';
import type { CarnetDocument, ReviewSession } from '../../../shared/document/schema.js';
import { currentReview, marksByReview, reviewProgress } from '../../../shared/routine/reviewProgress.js';
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

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Review mode, over the whole window: a set of contacts one at a time, from
 * the keyboard alone (K keep, A archive, → next, ← back, 1–5 closeness,
 * D cadence, C category, Ctrl+Z undo, Escape to pause). Every decision is an
 * undoable edit saved in the document, so a review resumes at its first
 * contact not decided yet, after a reload too.
 */
export function ReviewMode({ doc, version, request, onClose }: Props) {
  const { t } = useTranslation();
  const { result } = useAnalysis();
  const store = useStore();
  const ref = useRef<HTMLDialogElement>(null);
  const [reviewId, setReviewId] = useState<string | null>(() => currentReview(doc)?.review.id ?? null);
  const [choosing, setChoosing] = useState(request.imported || reviewId === null);
  const review = reviewId && Object.hasOwn(doc.reviews, reviewId) ? doc.reviews[reviewId]! : null;
  // `version` stands for the in-place edits of `doc`.
  const progress = useMemo(() => (review ? reviewProgress(review, marksByReview(doc).get(review.id)) : null), [doc, version, review]);
  // Where the user is: a view state, not saved; a review reopens at its first contact not decided.
  const [position, setPosition] = useState(() => progress?.next ?? 0);
  const [mode, setMode] = useState<'cadence' | 'category' | null>(null);
  const [said, setSaid] = useState('');
  const contactId = review && position < review.contacts.length ? review.contacts[position]! : null;
  const contact = contactId && Object.hasOwn(doc.contacts, contactId) ? doc.contacts[contactId]! : null;
  // Opened on a review already under way (after a reload, say): say so once.
  const [resumed] = useState(() => !choosing && progress !== null && progress.next > 0);

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

  const go = (to: number) => {
    if (review) setPosition(Math.max(0, Math.min(to, review.contacts.length)));
  };
  const decide = async (decision: 'kept' | 'archived') => {
    if (!review || !contactId) return;
    const name = contact?.name ?? contactId;
    const at = position;
    if (await store.apply(decideReview(doc, review.id, at, decision))) {
      setSaid(`${t(`routine.review.decided.${decision}`)}: ${name}`);
      go(at + 1);
    }
  };
  /** Undo or redo; when it takes a decision back (or makes it again), the review goes to that contact (or past it). */
  const history = async (redo: boolean) => {
    const before = new Set(progress?.marks.keys() ?? []);
    if (!(await (redo ? store.redo() : store.undo())) || !review) return;
    const after = marksByReview(store.get().doc ?? doc).get(review.id) ?? new Map();
    for (const i of before) if (!after.has(i)) return go(i);
    for (const i of after.keys()) if (!before.has(i)) return go(i + 1);
  };
  const start = async (set: ReviewSession['set'], ids: string[]) => {
    const set2 = startReview(set, ids);
    const id = set2.changes[0]!.op === 'put' ? set2.changes[0]!.id : null;
    if (await store.apply(set2)) {
      setReviewId(id);
      setPosition(0);
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
      void history(e.shiftKey);
      return;
    }
    if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === 'y') {
      e.preventDefault();
      void history(true);
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
    if (key === 'ArrowRight' || lower === 'n') go(position + 1);
    else if (key === 'ArrowLeft' || lower === 'p') go(position - 1);
    else if (!contact) handled = false;
    else if (lower === 'k' || key === 'Enter') void decide('kept');
    else if (lower === 'a') void decide('archived');
    else if (/^[0-5]$/.test(key)) void store.apply(setCloseness(doc, contact.id, key === '0' ? null : Number(key)));
    else if (lower === 'd') setMode('cadence');
    else if (lower === 'c') setMode('category');
    else handled = false;
    if (handled) e.preventDefault();
  };

  const atEnd = review !== null && position >= review.contacts.length;

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
        {review && progress && !choosing && (
          <>
            <span className="review-set">{review.set.label ?? t(`routine.review.sets.${review.set.kind}`)}</span>
            <span className="review-progress" role="status" aria-live="polite">
              {atEnd ? t('routine.review.decidedCount', { decided: progress.kept + progress.archived, count: review.contacts.length }) : t('routine.review.progress', { position: position + 1, count: review.contacts.length })}
            </span>
            <span className="routine-bar review-bar" aria-hidden="true">
              <span style={{ width: `${review.contacts.length ? (100 * (progress.kept + progress.archived)) / review.contacts.length : 100}%` }} />
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
              const r = doc.reviews[id]!;
              setPosition(reviewProgress(r, marksByReview(doc).get(id)).next);
              setChoosing(false);
              ref.current?.focus();
            }}
          />
        ) : atEnd ? (
          <ReviewSummary doc={doc} review={review} progress={progress!} onBack={() => go(review.contacts.length - 1)} onResume={() => go(progress!.next)} onAgain={() => setChoosing(true)} onClose={onClose} />
        ) : (
          <ReviewCard
            doc={doc}
            result={result}
            review={review}
            position={position}
            decided={progress?.marks.get(position)?.decision ?? null}
            contactId={contactId!}
            cadenceOpen={mode === 'cadence'}
            onKeep={() => void decide('kept')}
            onArchive={() => void decide('archived')}
            onNext={() => go(position + 1)}
            onBack={() => go(position - 1)}
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
