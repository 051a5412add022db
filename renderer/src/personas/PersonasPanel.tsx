import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import { PERSONA_FIELDS, type PersonaResult } from '../../../shared/analysis/personas.js';
import type { CarnetDocument, Persona } from '../../../shared/document/schema.js';
import { Icon } from '../components/Icon.js';
import { useStore } from '../state/StoreContext.js';
import { Progress } from '../suggestions/MissingProfiles.js';
import { suggestionKeys } from '../../../shared/document/suggestions.js';
import { deletePersona } from '../../../shared/document/personas.js';
import { PersonaEditor } from './PersonaEditor.js';
import './personas.css';

type Props = {
  doc: CarnetDocument;
  result: AnalysisResult | null;
  /** The persona being edited, 'new' for a new one, null when only listing. */
  editing: string | null;
  onEdit(id: string | null): void;
  onOpenContact(id: string): void;
};

const SHOWN_INTRODUCERS = 3;

/** The user's target profiles: what they match, what is missing, who could introduce. */
export function PersonasPanel({ doc, result, editing, onEdit, onOpenContact }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const personas = Object.values(doc.personas).sort((a, b) => a.name.localeCompare(b.name));
  const byId = new Map((result?.missingProfiles ?? []).map((r) => [r.persona.id, r]));

  if (editing !== null && (editing === 'new' || doc.personas[editing])) {
    return <PersonaEditor key={editing} doc={doc} personaId={editing === 'new' ? undefined : editing} onDone={() => onEdit(null)} />;
  }

  return (
    <div className="personas">
      <div className="personas-head">
        <p className="hint">{t('analysis.personas.intro')}</p>
        <button type="button" className="button primary" onClick={() => onEdit('new')}>
          <Icon name="plus" size={16} />
          {t('analysis.personas.add')}
        </button>
      </div>
      {personas.length === 0 ? (
        <p className="hint empty-list">{t('analysis.personas.empty')}</p>
      ) : (
        <ul className="sugg-list" aria-label={t('analysis.personas.list')}>
          {personas.map((p) => (
            <li key={p.id}>
              <PersonaCard
                persona={p}
                result={byId.get(p.id)}
                onEdit={() => onEdit(p.id)}
                onDelete={() => void store.apply(deletePersona(doc, p.id, suggestionKeys.persona(p.id)))}
                onOpenContact={onOpenContact}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type CardProps = { persona: Persona; result: PersonaResult | undefined; onEdit(): void; onDelete(): void; onOpenContact(id: string): void };

function PersonaCard({ persona, result, onEdit, onDelete, onOpenContact }: CardProps) {
  const { t } = useTranslation();
  const headingId = `persona-${persona.id}`;
  const fields = PERSONA_FIELDS.filter((f) => persona.match[f].length > 0);
  const people = result ? [...result.introducers, ...result.toWarmUp].slice(0, SHOWN_INTRODUCERS) : [];
  return (
    <article className="sugg-card persona-card" aria-labelledby={headingId}>
      <header className="sugg-head">
        <h4 id={headingId}>{persona.name}</h4>
        {result && (
          <span className={`badge ${result.missing > 0 ? 'late' : 'met'}`}>
            {result.missing > 0 ? t('analysis.missing.count', { count: result.missing }) : t('analysis.personas.met')}
          </span>
        )}
      </header>
      {result ? (
        <Progress value={result.matchCount} max={persona.target} label={t('analysis.personas.progress', { count: result.matchCount, target: persona.target })} />
      ) : (
        <p className="hint">{t('analysis.personas.computing')}</p>
      )}
      {persona.notes && <p className="persona-notes">{persona.notes}</p>}
      {fields.length === 0 ? (
        <p className="hint">{t('analysis.personas.noKeywords')}</p>
      ) : (
        <dl className="persona-keywords">
          {fields.map((f) => (
            <div key={f}>
              <dt>{t(`analysis.personas.fields.${f}`)}</dt>
              <dd>
                {persona.match[f].map((k) => (
                  <span className="chip small" key={k}>
                    {k}
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {result && result.missing > 0 && (
        <div className="people">
          <p className="people-title">{result.introducers.length ? t('analysis.missing.introducers') : t('analysis.missing.warmUp')}</p>
          {people.length === 0 ? (
            <p className="hint">{t('analysis.missing.noIntroducer')}</p>
          ) : (
            <ul className="people-list inline" aria-label={t('analysis.personas.peopleFor', { name: persona.name })}>
              {people.map((p) => (
                <li key={p.id}>
                  <button type="button" className="person-link" aria-label={`${t('analysis.actions.show')}: ${p.name}`} title={p.message.text} onClick={() => onOpenContact(p.id)}>
                    {p.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="sugg-actions">
        <button type="button" className="sugg-button" aria-label={`${t('analysis.personas.edit')}: ${persona.name}`} onClick={onEdit}>
          <Icon name="pencil" size={15} />
          <span>{t('analysis.personas.edit')}</span>
        </button>
        <span className="spacer" />
        <button type="button" className="sugg-button quiet danger" aria-label={`${t('analysis.personas.delete')}: ${persona.name}`} onClick={onDelete}>
          <Icon name="trash" size={15} />
          <span>{t('analysis.personas.delete')}</span>
        </button>
      </div>
    </article>
  );
}
