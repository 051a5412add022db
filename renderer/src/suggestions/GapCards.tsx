import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { SuggestionActions } from './SuggestionActions.js';
import { suggestionKeys } from '../../../shared/document/suggestions.js';

/** One structural gap, as the engine states it, with what can be done about it. */
export type Gap =
  | { kind: 'fragile'; key: string; item: AnalysisResult['gaps']['fragileClusters'][number] }
  | { kind: 'bridge'; key: string; item: AnalysisResult['gaps']['unbridged'][number] }
  | { kind: 'isolated'; key: string; text: string; ids: string[] }
  | { kind: 'concentration'; key: string; item: AnalysisResult['diversity'][number] };

/** Every gap of a result, in the order the panel lists them. */
export function gapsOf(result: AnalysisResult): Gap[] {
  const { gaps } = result;
  const out: Gap[] = [];
  for (const item of gaps.fragileClusters) out.push({ kind: 'fragile', key: suggestionKeys.fragile(item.cluster.id), item });
  for (const item of result.diversity) {
    if (item.message.key.endsWith('.concentrated')) out.push({ kind: 'concentration', key: suggestionKeys.concentration(item.dimension), item });
  }
  for (const item of gaps.unbridged) out.push({ kind: 'bridge', key: suggestionKeys.bridge(item.a.id, item.b.id), item });
  if (gaps.isolatedMessage) out.push({ kind: 'isolated', key: suggestionKeys.isolated(), text: gaps.isolatedMessage.text, ids: gaps.isolated });
  return out;
}

type Props = {
  gap: Gap;
  doc: CarnetDocument;
  clusterColor(id: string): string | undefined;
  onOpenContact(id: string): void;
};

const ISOLATED_SHOWN = 12;

export function GapCard({ gap, doc, clusterColor, onOpenContact }: Props) {
  const { t } = useTranslation();
  const title = t(`analysis.gaps.kind.${gap.kind}`);
  const swatch = (id: string) => <span className="swatch" style={{ background: clusterColor(id) }} aria-hidden="true" />;
  let text: string;
  let subject: string;
  let detail: ReactNode = null;
  let contactId: string | undefined;
  if (gap.kind === 'fragile') {
    text = gap.item.message.text;
    subject = `${gap.item.cluster.label} (${gap.item.via.name})`;
    contactId = gap.item.via.id;
    detail = (
      <p className="sugg-meta">
        <span className="meta-cluster">
          {swatch(gap.item.cluster.id)}
          {gap.item.cluster.label}
        </span>
      </p>
    );
  } else if (gap.kind === 'bridge') {
    text = gap.item.message.text;
    subject = `${gap.item.a.label} / ${gap.item.b.label}`;
    detail = (
      <p className="sugg-meta">
        <span className="meta-cluster">
          {swatch(gap.item.a.id)}
          {gap.item.a.label}
        </span>
        <span className="meta-cluster">
          {swatch(gap.item.b.id)}
          {gap.item.b.label}
        </span>
      </p>
    );
  } else if (gap.kind === 'concentration') {
    text = gap.item.message.text;
    subject = t(`analysis.gaps.dimension.${gap.item.dimension}`);
  } else {
    text = gap.text;
    subject = title;
    detail = (
      <ul className="people-list inline" aria-label={t('analysis.gaps.isolatedList')}>
        {gap.ids.slice(0, ISOLATED_SHOWN).map((id) => {
          const name = doc.contacts[id]?.name ?? id;
          return (
            <li key={id}>
              <button type="button" className="person-link" aria-label={`${t('analysis.actions.show')}: ${name}`} onClick={() => onOpenContact(id)}>
                {name}
              </button>
            </li>
          );
        })}
        {gap.ids.length > ISOLATED_SHOWN && <li className="hint">{t('analysis.gaps.andMore', { count: gap.ids.length - ISOLATED_SHOWN })}</li>}
      </ul>
    );
  }
  return (
    <article className={`sugg-card compact gap-${gap.kind}`} aria-label={`${title}: ${subject}`}>
      <p className="gap-kind">{title}</p>
      <p className="sugg-text">{text}</p>
      {detail}
      <p className="hint">{t(`analysis.gaps.hint.${gap.kind}`)}</p>
      <SuggestionActions suggestionKey={gap.key} subject={subject} contactId={contactId} onOpenContact={onOpenContact} />
    </article>
  );
}
