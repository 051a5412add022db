import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { today } from '../analysis/analysisClient.js';
import { GapCard, gapsOf } from './GapCards.js';
import { LogInteractionDialog } from './LogInteractionDialog.js';
import { MissingProfileCard, SuggestedProfileCard } from './MissingProfiles.js';
import { MoreList } from './MoreList.js';
import { isHidden, suggestionKeys } from '../../../shared/document/suggestions.js';
import { DormantCard, FirstStepCard, OverdueCard } from './TieCards.js';
import './suggestions.css';

type Props = {
  doc: CarnetDocument;
  /** Bumped on every change to `doc` (edited in place). */
  version: number;
  result: AnalysisResult;
  onOpenContact(id: string): void;
  onEditPersona(id: string): void;
};

/**
 * What to do next, in three lists: ties to revive (dormant, then overdue),
 * missing profiles, gaps. Every item says why, in words, and offers its
 * actions; snoozed and dismissed items leave the list at once.
 */
export function SuggestionsPanel({ doc, version, result, onOpenContact, onEditPersona }: Props) {
  const { t } = useTranslation();
  const [logFor, setLogFor] = useState<{ id: string; firstStep?: string } | null>(null);
  const day = today();

  const lists = useMemo(() => {
    const shown = (key: string) => !isHidden(doc, key, day);
    const dormant = result.dormant.filter((d) => shown(suggestionKeys.dormant(d.id)));
    const overdue = result.overdue.filter((o) => shown(suggestionKeys.overdue(o.id)));
    return {
      dormant,
      dormantTotal: result.dormantTotal - (result.dormant.length - dormant.length),
      overdue,
      overdueTotal: result.overdueTotal - (result.overdue.length - overdue.length),
      missing: result.missingProfiles.filter((p) => p.missing > 0 && doc.personas[p.persona.id] && shown(suggestionKeys.persona(p.persona.id))),
      first: result.firstSteps.filter((f) => shown(suggestionKeys.first(f.id))),
      firstTotal: result.firstStepsTotal - result.firstSteps.filter((f) => !shown(suggestionKeys.first(f.id))).length,
      suggested: result.suggestedProfiles.filter((p) => shown(p.key)),
      gaps: gapsOf(result).filter((g) => shown(g.key)),
    };
    // `version` stands for the in-place edits of `doc`.
  }, [doc, version, result, day]);

  const colors = useMemo(() => new Map(result.clusters.map((c) => [c.id, c.color])), [result]);
  const clusterColor = (id: string) => colors.get(id);
  const onLog = (id: string, firstStep?: string) => setLogFor({ id, ...(firstStep ? { firstStep } : {}) });

  return (
    <div className="suggestions">
      <section className="sugg-section" aria-labelledby="sugg-revive">
        <h3 id="sugg-revive" className="sugg-section-title">
          {t('analysis.revive.title')} <span className="count">{lists.dormantTotal + lists.overdueTotal}</span>
        </h3>
        <p className="hint">{t('analysis.revive.intro')}</p>
        <h4 className="sugg-sub">
          {t('analysis.revive.dormant')} <span className="count">{lists.dormantTotal}</span>
        </h4>
        {lists.dormant.length === 0 ? (
          <p className="hint empty-list">{t('analysis.revive.noDormant')}</p>
        ) : (
          <MoreList
            ordered
            step={6}
            label={t('analysis.revive.dormantList')}
            items={lists.dormant}
            keyOf={(d) => d.id}
            render={(d) => <DormantCard tie={d} clusterColor={clusterColor} onOpenContact={onOpenContact} onLog={onLog} />}
          />
        )}
        <h4 className="sugg-sub">
          {t('analysis.revive.overdue')} <span className="count">{lists.overdueTotal}</span>
        </h4>
        {lists.overdue.length === 0 ? (
          <p className="hint empty-list">{t('analysis.revive.noOverdue')}</p>
        ) : (
          <MoreList
            ordered
            step={6}
            label={t('analysis.revive.overdueList')}
            items={lists.overdue}
            keyOf={(o) => o.id}
            render={(o) => <OverdueCard tie={o} clusterColor={clusterColor} onOpenContact={onOpenContact} onLog={onLog} />}
          />
        )}
      </section>

      <section className="sugg-section" aria-labelledby="sugg-first">
        <h3 id="sugg-first" className="sugg-section-title">
          {t('analysis.first.title')} <span className="count">{lists.firstTotal}</span>
        </h3>
        <p className="hint">{t('analysis.first.intro')}</p>
        {lists.first.length === 0 ? (
          <p className="hint empty-list">{t('analysis.first.none')}</p>
        ) : (
          <MoreList
            ordered
            step={6}
            label={t('analysis.first.list')}
            items={lists.first}
            keyOf={(f) => f.id}
            render={(f) => <FirstStepCard step={f} clusterColor={clusterColor} onOpenContact={onOpenContact} onLog={onLog} />}
          />
        )}
      </section>

      <section className="sugg-section" aria-labelledby="sugg-missing">
        <h3 id="sugg-missing" className="sugg-section-title">
          {t('analysis.missing.title')} <span className="count">{lists.missing.length + lists.suggested.length}</span>
        </h3>
        <p className="hint">{t('analysis.missing.intro')}</p>
        {lists.missing.length === 0 ? (
          <p className="hint empty-list">{Object.keys(doc.personas).length ? t('analysis.missing.allMet') : t('analysis.missing.noPersona')}</p>
        ) : (
          <MoreList
            label={t('analysis.missing.list')}
            items={lists.missing}
            keyOf={(p) => p.persona.id}
            render={(p) => <MissingProfileCard profile={p} onOpenContact={onOpenContact} onEditPersona={onEditPersona} />}
          />
        )}
        {lists.suggested.length > 0 && (
          <>
            <h4 className="sugg-sub">
              {t('analysis.suggested.title')} <span className="count">{lists.suggested.length}</span>
            </h4>
            <p className="hint">{t('analysis.suggested.intro')}</p>
            <MoreList label={t('analysis.suggested.list')} items={lists.suggested} keyOf={(p) => p.key} step={4} render={(p) => <SuggestedProfileCard profile={p} doc={doc} />} />
          </>
        )}
      </section>

      <section className="sugg-section" aria-labelledby="sugg-gaps">
        <h3 id="sugg-gaps" className="sugg-section-title">
          {t('analysis.gaps.title')} <span className="count">{lists.gaps.length}</span>
        </h3>
        <p className="hint">{t('analysis.gaps.intro')}</p>
        {lists.gaps.length === 0 ? (
          <p className="hint empty-list">{t('analysis.gaps.none')}</p>
        ) : (
          <MoreList
            step={6}
            label={t('analysis.gaps.list')}
            items={lists.gaps}
            keyOf={(g) => g.key}
            render={(g) => <GapCard gap={g} doc={doc} clusterColor={clusterColor} onOpenContact={onOpenContact} />}
          />
        )}
      </section>

      {logFor && doc.contacts[logFor.id] && (
        <LogInteractionDialog doc={doc} contactId={logFor.id} firstStep={logFor.firstStep} onClose={() => setLogFor(null)} />
      )}
    </div>
  );
}
