import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import './dashboard.css';

type Props = { result: AnalysisResult; onOpenContact(id: string): void };

const STAGE_PARTS = ['new', 'strengthening', 'maintained'] as const;
const OWED_SHOWN = 3;

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Where the network stands: stage, give and take, diversity, ties to look after, clusters. */
export function Dashboard({ result, onOpenContact }: Props) {
  const { t } = useTranslation();
  const { stage, reciprocity, summary } = result;
  const r = reciprocity.overall;
  const oneWay = r.gave + r.received;
  const owed = reciprocity.contacts.filter((c) => c.received - c.gave >= 2).slice(0, OWED_SHOWN);

  return (
    <div className="dashboard">
      <section className="dash-card" aria-labelledby="dash-stage">
        <h3 id="dash-stage" className="dash-title">
          {t('analysis.dashboard.stage')}
        </h3>
        <p className="stage-word" data-testid="stage-name">
          {stage.stage ? t(`analysis.dashboard.stageName.${stage.stage}`) : t('analysis.dashboard.stageName.none')}
        </p>
        <p className="dash-sentence">{stage.message.text}</p>
        <dl className="stage-parts">
          {STAGE_PARTS.map((part) => (
            <div key={part} className={`stage-part part-${part}`}>
              <dt>{t(`analysis.dashboard.parts.${part}`)}</dt>
              <dd>
                <span className="stage-count" data-testid={`stage-${part}`}>
                  {stage.counts[part]}
                </span>
                <span className="stage-share">{percent(stage.shares[part])}</span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: percent(stage.shares[part]).replace(' ', '') }} />
                </span>
              </dd>
            </div>
          ))}
        </dl>
        <p className="hint">{t('analysis.dashboard.stageHint', { days: stage.windowDays })}</p>
      </section>

      <section className="dash-card" aria-labelledby="dash-reciprocity">
        <h3 id="dash-reciprocity" className="dash-title">
          {t('analysis.dashboard.reciprocity')}
        </h3>
        <dl className="numbers">
          <div>
            <dt>{t('analysis.dashboard.gave')}</dt>
            <dd data-testid="reciprocity-gave">{r.gave}</dd>
          </div>
          <div>
            <dt>{t('analysis.dashboard.received')}</dt>
            <dd data-testid="reciprocity-received">{r.received}</dd>
          </div>
          <div>
            <dt>{t('analysis.dashboard.mutual')}</dt>
            <dd data-testid="reciprocity-mutual">{r.mutual}</dd>
          </div>
          <div>
            <dt>{t('analysis.dashboard.balance')}</dt>
            <dd data-testid="reciprocity-balance">{r.balance > 0 ? `+${r.balance}` : r.balance}</dd>
          </div>
        </dl>
        {oneWay > 0 && (
          <div className="balance" role="img" aria-label={t('analysis.dashboard.balanceBar', { gave: percent(r.gave / oneWay), received: percent(r.received / oneWay) })}>
            <span className="balance-gave" style={{ flexGrow: r.gave }} />
            <span className="balance-received" style={{ flexGrow: r.received }} />
          </div>
        )}
        <p className="dash-sentence">{r.message.text}</p>
        {owed.length > 0 && (
          <>
            <p className="people-title">{t('analysis.dashboard.owed', { count: reciprocity.owedCount })}</p>
            <ul className="owed-list">
              {owed.map((c) => (
                <li key={c.id}>
                  <button type="button" className="person-link" aria-label={`${t('analysis.actions.show')}: ${c.name}`} onClick={() => onOpenContact(c.id)}>
                    {c.name}
                  </button>
                  <span className="hint">{t('analysis.dashboard.owedDetail', { received: c.received, gave: c.gave })}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="dash-card" aria-labelledby="dash-ties">
        <h3 id="dash-ties" className="dash-title">
          {t('analysis.dashboard.ties')}
        </h3>
        <dl className="numbers">
          <div>
            <dt>{t('analysis.dashboard.overdue')}</dt>
            <dd data-testid="count-overdue">{result.overdueTotal}</dd>
          </div>
          <div>
            <dt>{t('analysis.dashboard.dormant')}</dt>
            <dd data-testid="count-dormant">{result.dormantTotal}</dd>
          </div>
          <div>
            <dt>{t('analysis.dashboard.active')}</dt>
            <dd data-testid="count-active">{summary.activeTies}</dd>
          </div>
          <div>
            <dt>{t('analysis.dashboard.clusters')}</dt>
            <dd data-testid="count-clusters">{summary.clusters}</dd>
          </div>
        </dl>
        <p className="hint">{t('analysis.dashboard.tiesHint', { contacts: summary.contacts })}</p>
      </section>

      <section className="dash-card" aria-labelledby="dash-diversity">
        <h3 id="dash-diversity" className="dash-title">
          {t('analysis.dashboard.diversity')}
        </h3>
        <ul className="diversity-list">
          {result.diversity.map((d) => (
            <li key={d.dimension} className={d.message.key.endsWith('.concentrated') ? 'concentrated' : ''}>
              <span className="diversity-dim">{t(`analysis.gaps.dimension.${d.dimension}`)}</span>
              <span>{d.message.text}</span>
              {d.effectiveNumber !== null && <span className="hint">{t('analysis.dashboard.effective', { count: d.effectiveNumber })}</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
