import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import { sortedCategories } from '../../../shared/document/categories.js';
import { REVIEW_SETS, type CarnetDocument, type ReviewSession } from '../../../shared/document/schema.js';
import { marksByReview, reviewProgress } from '../../../shared/routine/reviewProgress.js';
import { reviewSetContacts } from '../../../shared/routine/reviewSets.js';
import { today } from '../analysis/analysisClient.js';

type SetKind = (typeof REVIEW_SETS)[number];

type Props = {
  doc: CarnetDocument;
  version: number;
  result: AnalysisResult | null;
  initial: SetKind;
  onStart(set: ReviewSession['set'], contacts: string[]): void;
  onResume(id: string): void;
};

/** Which contacts to review (with how many each set holds), or a review to resume. */
export function ReviewStart({ doc, version, result, initial, onStart, onResume }: Props) {
  const { t, i18n } = useTranslation();
  const name = useId();
  const [kind, setKind] = useState<SetKind>(initial);
  const categories = sortedCategories(doc, i18n.language);
  const clusters = [...(result?.clusters ?? [])].sort((a, b) => b.size - a.size);
  const [category, setCategory] = useState(categories[0]?.id ?? '');
  const [cluster, setCluster] = useState(clusters[0]?.id ?? '');
  const day = today();
  const refOf = (k: SetKind) => (k === 'category' ? category : k === 'cluster' ? cluster : undefined);
  const counts = useMemo(() => {
    const out = {} as Record<SetKind, string[]>;
    for (const k of REVIEW_SETS) out[k] = reviewSetContacts(doc, result, { kind: k, ...(refOf(k) ? { ref: refOf(k) } : {}) }, day);
    return out;
    // `version` stands for the in-place edits of `doc`.
  }, [doc, version, result, category, cluster, day]);
  const unfinished = useMemo(() => {
    const byReview = marksByReview(doc);
    return Object.values(doc.reviews)
      .map((r) => ({ r, p: reviewProgress(r, byReview.get(r.id)) }))
      .filter(({ r, p }) => !p.finished && r.contacts.length > 0)
      .sort((a, b) => (a.p.lastActivity < b.p.lastActivity ? 1 : -1))
      .slice(0, 3);
    // `version` stands for the in-place edits of `doc`.
  }, [doc, version]);
  const labelOf = (k: SetKind) =>
    k === 'category' ? categories.find((c) => c.id === category)?.name : k === 'cluster' ? clusters.find((c) => c.id === cluster)?.label : undefined;
  const start = () => {
    const ref = refOf(kind);
    const label = labelOf(kind);
    onStart({ kind, ...(ref ? { ref } : {}), ...(label ? { label } : {}) }, counts[kind]);
  };

  return (
    <form
      className="review-start"
      onSubmit={(e) => {
        e.preventDefault();
        if (counts[kind].length > 0) start();
      }}
    >
      {unfinished.map(({ r, p }) => (
        <button key={r.id} type="button" className="button primary resume" onClick={() => onResume(r.id)}>
          {t('routine.review.resume', { set: r.set.label ?? t(`routine.review.sets.${r.set.kind}`), position: p.next + 1, count: r.contacts.length })}
        </button>
      ))}
      <fieldset className="field review-sets">
        <legend>{t('routine.review.choose')}</legend>
        {REVIEW_SETS.map((k) => (
          <div key={k} className={`review-set-option${kind === k ? ' selected' : ''}`}>
            <label>
              <input type="radio" name={name} value={k} checked={kind === k} onChange={() => setKind(k)} {...(kind === k ? { 'data-autofocus': true } : {})} />
              <span className="review-set-name">{t(`routine.review.sets.${k}`)}</span>
              <span className="hint">{t('routine.review.setCount', { count: counts[k].length })}</span>
            </label>
            {k === 'category' && categories.length > 0 && (
              <select aria-label={t('routine.review.pickCategory')} value={category} onChange={(e) => (setCategory(e.target.value), setKind('category'))}>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
            {k === 'cluster' && clusters.length > 0 && (
              <select aria-label={t('routine.review.pickCluster')} value={cluster} onChange={(e) => (setCluster(e.target.value), setKind('cluster'))}>
                {clusters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </div>
        ))}
      </fieldset>
      {counts[kind].length === 0 && <p className="hint">{t('routine.review.noneInSet')}</p>}
      <button type="submit" className="button primary" disabled={counts[kind].length === 0}>
        {t('routine.review.start')}
      </button>
    </form>
  );
}
