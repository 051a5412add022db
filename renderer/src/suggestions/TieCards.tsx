import { useTranslation } from 'react-i18next';
import type { DormantTie } from '../../../shared/analysis/dormantTies.js';
import type { FirstStep } from '../../../shared/analysis/firstSteps.js';
import { formatDay, toLang } from '../../../shared/analysis/messages.js';
import type { Overdue } from '../../../shared/analysis/overdue.js';
import { SuggestionActions } from './SuggestionActions.js';
import { suggestionKeys } from '../../../shared/document/suggestions.js';

type Common = {
  clusterColor(id: string): string | undefined;
  onOpenContact(id: string): void;
  onLog(contactId: string, firstStep?: string): void;
};

/**
 * A dormant tie, explained: the engine's reasons (last interaction and what
 * was said, history, the cluster it reopens, what is new there, common
 * points) and, set apart, the give-first first step.
 */
export function DormantCard({ tie, clusterColor, onOpenContact, onLog }: Common & { tie: DormantTie }) {
  const { t } = useTranslation();
  const headingId = `dormant-${tie.id}`;
  const evidence = tie.reasons.filter((_, i) => tie.reasonMessages[i]?.key !== tie.action.key);
  return (
    <article className="sugg-card" aria-labelledby={headingId}>
      <header className="sugg-head">
        <h4 id={headingId}>{tie.name}</h4>
        <span className="score" title={t('analysis.revive.scoreHint')}>
          <span className="visually-hidden">{t('analysis.revive.score')} </span>
          {tie.score.toFixed(0)}
        </span>
      </header>
      <p className="sugg-meta">
        {tie.cluster && (
          <span className="meta-cluster">
            <span className="swatch" style={{ background: clusterColor(tie.cluster.id) }} aria-hidden="true" />
            {tie.cluster.label}
          </span>
        )}
        {tie.lastInteraction ? (
          <span className={`badge direction-${tie.lastInteraction.direction}`}>{t(`analysis.revive.lastDirection.${tie.lastInteraction.direction}`)}</span>
        ) : (
          <span className="badge">{t('analysis.revive.connectedOnly')}</span>
        )}
      </p>
      <ul className="sugg-reasons" aria-label={t('analysis.revive.why', { name: tie.name })}>
        {evidence.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p className="sugg-step">
        <strong>{t('analysis.firstStep')}</strong> {tie.action.text}
      </p>
      <SuggestionActions
        suggestionKey={suggestionKeys.dormant(tie.id)}
        subject={tie.name}
        contactId={tie.id}
        onOpenContact={onOpenContact}
        onLog={() => onLog(tie.id, tie.action.text)}
      />
    </article>
  );
}

/** A tie past the cadence the user chose (or the one its strength implies). */
export function OverdueCard({ tie, onOpenContact, onLog }: Common & { tie: Overdue }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.language);
  const headingId = `overdue-${tie.id}`;
  return (
    <article className="sugg-card compact" aria-labelledby={headingId}>
      <header className="sugg-head">
        <h4 id={headingId}>{tie.name}</h4>
        <span className="badge late">{t('analysis.revive.late', { count: tie.overdueDays })}</span>
      </header>
      <p className="sugg-text">{tie.reason}</p>
      <p className="hint">
        {tie.lastInteraction ? `${t('analysis.revive.lastOn', { date: formatDay(lang, tie.lastInteraction.slice(0, 10)) })} · ` : ''}
        {t(`analysis.revive.cadenceSource.${tie.cadenceSource}`)}
      </p>
      <SuggestionActions
        suggestionKey={suggestionKeys.overdue(tie.id)}
        subject={tie.name}
        contactId={tie.id}
        onOpenContact={onOpenContact}
        onLog={() => onLog(tie.id)}
      />
    </article>
  );
}

/**
 * Someone never contacted, worth a first step: why (a new connection, the
 * circle it opens, what is new there, common points) and a first step that
 * gives.
 */
export function FirstStepCard({ step, clusterColor, onOpenContact, onLog }: Common & { step: FirstStep }) {
  const { t } = useTranslation();
  const headingId = `first-${step.id}`;
  const evidence = step.reasons.filter((_, i) => step.reasonMessages[i]?.key !== step.action.key);
  return (
    <article className="sugg-card" aria-labelledby={headingId}>
      <header className="sugg-head">
        <h4 id={headingId}>{step.name}</h4>
        <span className="score" title={t('analysis.first.scoreHint')}>
          <span className="visually-hidden">{t('analysis.revive.score')} </span>
          {step.score.toFixed(0)}
        </span>
      </header>
      <p className="sugg-meta">
        {step.cluster && (
          <span className="meta-cluster">
            <span className="swatch" style={{ background: clusterColor(step.cluster.id) }} aria-hidden="true" />
            {step.cluster.label}
          </span>
        )}
        <span className="badge">{t(step.newTie ? 'analysis.first.newTie' : 'analysis.first.never')}</span>
      </p>
      <ul className="sugg-reasons" aria-label={t('analysis.revive.why', { name: step.name })}>
        {evidence.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p className="sugg-step">
        <strong>{t('analysis.firstStep')}</strong> {step.action.text}
      </p>
      <SuggestionActions
        suggestionKey={suggestionKeys.first(step.id)}
        subject={step.name}
        contactId={step.id}
        onOpenContact={onOpenContact}
        onLog={() => onLog(step.id, step.action.text)}
      />
    </article>
  );
}
