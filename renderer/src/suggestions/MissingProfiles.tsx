import { useTranslation } from 'react-i18next';
import type { Introducer, PersonaResult } from '../../../shared/analysis/personas.js';
import type { SuggestedProfile } from '../../../shared/analysis/roles.js';
import { EMPTY_PERSONA, savePersona } from '../../../shared/document/personas.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { useStore } from '../state/StoreContext.js';
import { Icon } from '../components/Icon.js';
import { SuggestionActions } from './SuggestionActions.js';
import { suggestionKeys } from '../../../shared/document/suggestions.js';

type Props = {
  profile: PersonaResult;
  onOpenContact(id: string): void;
  onEditPersona(id: string): void;
};

/** A persona under target, with who could introduce the user and who to warm up first. */
export function MissingProfileCard({ profile, onOpenContact, onEditPersona }: Props) {
  const { t } = useTranslation();
  const headingId = `missing-${profile.persona.id}`;
  return (
    <article className="sugg-card" aria-labelledby={headingId}>
      <header className="sugg-head">
        <h4 id={headingId}>{profile.persona.name}</h4>
        <span className="badge late">{t('analysis.missing.count', { count: profile.missing })}</span>
      </header>
      <Progress value={profile.matchCount} max={profile.target} label={t('analysis.personas.progress', { count: profile.matchCount, target: profile.target })} />
      <p className="sugg-text">{profile.message.text}</p>
      <PeopleList title={t('analysis.missing.introducers')} people={profile.introducers} empty={t('analysis.missing.noIntroducer')} onOpenContact={onOpenContact} />
      {profile.toWarmUp.length > 0 && (
        <PeopleList title={t('analysis.missing.warmUp')} hint={t('analysis.missing.warmUpHint')} people={profile.toWarmUp} onOpenContact={onOpenContact} />
      )}
      <SuggestionActions
        suggestionKey={suggestionKeys.persona(profile.persona.id)}
        subject={profile.persona.name}
        onOpenContact={onOpenContact}
        leading={
          <button type="button" className="sugg-button" aria-label={`${t('analysis.missing.edit')}: ${profile.persona.name}`} onClick={() => onEditPersona(profile.persona.id)}>
            <Icon name="pencil" size={15} />
            <span>{t('analysis.missing.edit')}</span>
          </button>
        }
      />
    </article>
  );
}

/**
 * A kind of people the network lacks, proposed by Carnet: how many there are,
 * why they matter, and a button that makes it one of the user's personas
 * (one undoable step), after which it is tracked like any other.
 */
export function SuggestedProfileCard({ profile, doc }: { profile: SuggestedProfile; doc: CarnetDocument }) {
  const { t } = useTranslation();
  const store = useStore();
  const headingId = `suggested-${profile.role}`;
  const adopt = () =>
    void store.apply(savePersona(doc, { ...EMPTY_PERSONA, name: profile.name, target: String(profile.target), match: { ...EMPTY_PERSONA.match, title: profile.match.title } }));
  return (
    <article className="sugg-card" aria-labelledby={headingId}>
      <header className="sugg-head">
        <h4 id={headingId}>{profile.name}</h4>
        <span className="badge late">{t('analysis.missing.count', { count: profile.missing })}</span>
      </header>
      <p className="sugg-text">{profile.message.text}</p>
      <p className="hint">{profile.why.text}</p>
      <SuggestionActions
        suggestionKey={profile.key}
        subject={profile.name}
        onOpenContact={() => undefined}
        leading={
          <button type="button" className="sugg-button" aria-label={`${t('analysis.suggested.adopt')}: ${profile.name}`} onClick={adopt}>
            <Icon name="plus" size={15} />
            <span>{t('analysis.suggested.adopt')}</span>
          </button>
        }
      />
    </article>
  );
}

/** A bar with the count written out, so it reads the same to everyone. */
export function Progress({ value, max, label }: { value: number; max: number; label: string }) {
  const share = max > 0 ? Math.min(1, value / max) : 1;
  return (
    <div className="progress" role="img" aria-label={label}>
      <span className={`progress-bar ${share >= 1 ? 'met' : ''}`} style={{ width: `${Math.round(share * 100)}%` }} />
      <span className="progress-text" aria-hidden="true">
        {value} / {max}
      </span>
    </div>
  );
}

type PeopleProps = { title: string; hint?: string; people: Introducer[]; empty?: string; onOpenContact(id: string): void };

function PeopleList({ title, hint, people, empty, onOpenContact }: PeopleProps) {
  const { t } = useTranslation();
  return (
    <div className="people">
      <p className="people-title">{title}</p>
      {hint && <p className="hint">{hint}</p>}
      {people.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul className="people-list" aria-label={title}>
          {people.map((p) => (
            <li key={p.id}>
              <button type="button" className="person-link" aria-label={`${t('analysis.actions.show')}: ${p.name}`} title={p.message.text} onClick={() => onOpenContact(p.id)}>
                {p.name}
              </button>
              <span className="person-shared">{p.shared.map((s) => s.value).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
