import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision, PersonCard, PossibleDuplicate } from '../../../shared/import/index.js';
import { refText } from './issueText.js';

type Props = {
  duplicates: PossibleDuplicate[];
  /** All possible duplicates of the import; `duplicates` are the first of them. */
  total: number;
  decisions: ReadonlyMap<string, Decision>;
  all: Decision | undefined;
  onDecide(decisions: ReadonlyMap<string, Decision>, all: Decision | undefined): void;
};

/** Pairs shown at first, then this many more per click: a 30,000-row import may ask hundreds of questions. */
const PAGE = 20;

/** One side of a pair: what the user needs to tell two people apart. */
export function PersonCardView({ card, where }: { card: PersonCard; where: string }) {
  const { t } = useTranslation();
  return (
    <div className="person-card">
      <p className="person-card-where">{where}</p>
      <p className="person-card-name">{card.name}</p>
      {card.organizations.map((o, i) => (
        <p key={`o${i}`}>{o.title ? t('import.duplicates.titleAt', { title: o.title, organization: o.name }) : o.name}</p>
      ))}
      {card.city && <p>{card.city}</p>}
      {card.emails.map((e) => (
        <p key={e} className="person-card-value">
          {e}
        </p>
      ))}
      {card.phones.map((p) => (
        <p key={p} className="person-card-value">
          {p}
        </p>
      ))}
      {card.profileUrl && <p className="person-card-value">{card.profileUrl.replace(/^https?:\/\/(www\.)?/, '')}</p>}
    </div>
  );
}

function Pair({ d, decision, onChoose }: { d: PossibleDuplicate; decision: Decision | undefined; onChoose(choice: Decision): void }) {
  const { t } = useTranslation();
  const name = useId();
  const inFile = (c: PersonCard) => t('import.duplicates.inFile', { file: (c.file ?? '').split(/[\\/]/).pop(), where: refText(t, c.ref ?? '') });
  const label = t('import.duplicates.pairLabel', { incoming: d.incoming.name, existing: d.existing.name });
  return (
    <li className="import-dup" data-testid="possible-duplicate">
      <div className="import-dup-pair">
        <PersonCardView card={d.incoming} where={inFile(d.incoming)} />
        <span className="import-dup-vs" aria-hidden="true">
          ≈
        </span>
        <PersonCardView card={d.existing} where={d.existing.contactId ? t('import.duplicates.onMap') : inFile(d.existing)} />
      </div>
      <p className="import-dup-why">
        {t(`import.duplicates.reasons.${d.reason}`)}
        {d.organization ? ` · ${t('import.duplicates.atOrg', { organization: d.organization })}` : ''}
      </p>
      <div className="import-dup-choice" role="radiogroup" aria-label={label}>
        <label>
          <input type="radio" name={name} checked={decision === 'merge'} onChange={() => onChoose('merge')} />
          {t('import.duplicates.merge')}
        </label>
        <label>
          <input type="radio" name={name} checked={decision === 'apart'} onChange={() => onChoose('apart')} />
          {t('import.duplicates.apart')}
        </label>
        {decision === undefined && <span className="hint">{t('import.duplicates.undecided')}</span>}
      </div>
    </li>
  );
}

/**
 * Records that may be people already known (or read twice), both side by side: the user merges them or
 * keeps them apart. Undecided pairs stay apart, and the contact panel asks again later.
 */
export function DuplicatesSection({ duplicates, total, decisions, all, onDecide }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [shown, setShown] = useState(PAGE);
  const choose = (key: string, choice: Decision) => onDecide(new Map([...decisions, [key, choice]]), all);
  const everyone = (choice: Decision) => onDecide(new Map(), choice);
  return (
    <section className="import-duplicates" aria-labelledby={titleId}>
      <header className="import-file-head">
        <h3 id={titleId}>{t('import.duplicates.title', { count: total })}</h3>
        <span className="spacer" />
        <button type="button" className="button small" onClick={() => everyone('merge')}>
          {t('import.duplicates.mergeAll')}
        </button>
        <button type="button" className="button small" onClick={() => everyone('apart')}>
          {t('import.duplicates.apartAll')}
        </button>
      </header>
      <p className="hint">{t('import.duplicates.intro')}</p>
      <ul className="import-dup-list">
        {duplicates.slice(0, shown).map((d) => (
          <Pair key={d.key} d={d} decision={decisions.get(d.key) ?? all} onChoose={(c) => choose(d.key, c)} />
        ))}
      </ul>
      {shown < duplicates.length && (
        <button type="button" className="button small" onClick={() => setShown(shown + PAGE)}>
          {t('import.duplicates.showMore', { count: Math.min(PAGE, duplicates.length - shown) })}
        </button>
      )}
      {total > duplicates.length && <p className="hint">{t('import.duplicates.more', { count: total - duplicates.length })}</p>}
    </section>
  );
}
