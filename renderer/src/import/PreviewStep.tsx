import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MATCH_KINDS, type Decision, type FilePreview } from '../../../shared/import/index.js';
import type { ImportSummary } from '../../../shared/import/summary.js';
import { DuplicatesSection } from './DuplicatesSection.js';
import { issueText, refText } from './issueText.js';
import { MeCard } from './MeCard.js';

/** A file that never reached the parsers: over the size limit, or an archive that could not be opened. */
export type UnreadFile = { file: string; message: string };

type Props = {
  summary: ImportSummary;
  /** The last preview of every file, skipped ones included, in the order they were given. */
  files: FilePreview[];
  unread: UnreadFile[];
  skipped: ReadonlySet<string>;
  onSkip(file: string, skip: boolean): void;
  /** Files whose columns the user mapped: they get a "Change columns" button. */
  mappable: ReadonlySet<string>;
  onEditColumns(): void;
  /** Files that are not contact files at all: their format is not shown. */
  unrecognised: ReadonlySet<string>;
  decisions: ReadonlyMap<string, Decision>;
  all: Decision | undefined;
  onDecide(decisions: ReadonlyMap<string, Decision>, all: Decision | undefined): void;
};

/** Fields whose differing incoming value shared/import/merge.ts drops instead of keeping in the notes. */
const NOT_IN_NOTES = ['givenName', 'familyName', 'strength', 'cadenceDays'];

/** What the import would do: totals, "This is you", possible duplicates, then each file with its counts, choices and problems. */
export function PreviewStep({ summary, files, unread, skipped, onSkip, mappable, onEditColumns, unrecognised, decisions, all, onDecide }: Props) {
  const { t } = useTranslation();
  const { totals } = summary;
  return (
    <div className="import-preview">
      <div className="import-totals" data-testid="import-totals">
        {!summary.changes ? (
          <p>{t('import.preview.nothing')}</p>
        ) : (
          <ul>
            <li>{t('import.preview.totalNew', { count: totals.new })}</li>
            {totals.merged > 0 && <li>{t('import.preview.totalMerged', { count: totals.merged })}</li>}
            {totals.duplicates > 0 && <li>{t('import.preview.totalDuplicates', { count: totals.duplicates })}</li>}
            {totals.possible > 0 && <li>{t('import.preview.totalPossible', { count: totals.possible })}</li>}
            {totals.interactions > 0 && <li>{t('import.preview.totalInteractions', { count: totals.interactions })}</li>}
            {totals.ties > 0 && <li>{t('import.preview.totalTies', { count: totals.ties })}</li>}
            {totals.categories > 0 && <li>{t('import.preview.totalCategories', { count: totals.categories })}</li>}
            {totals.skipped > 0 && <li>{t('import.preview.totalSkipped', { count: totals.skipped })}</li>}
          </ul>
        )}
      </div>
      {summary.me && <MeCard changes={summary.me.changes} />}
      {summary.duplicatesTotal > 0 && (
        <DuplicatesSection duplicates={summary.duplicates} total={summary.duplicatesTotal} decisions={decisions} all={all} onDecide={onDecide} />
      )}
      {unread.map((u) => (
        <UnreadCard key={u.file} file={u} />
      ))}
      {files.map((f) => (
        <FileCard
          key={f.file}
          file={f}
          skipped={skipped.has(f.file)}
          onSkip={(skip) => onSkip(f.file, skip)}
          onEditColumns={mappable.has(f.file) ? onEditColumns : undefined}
          recognised={!unrecognised.has(f.file)}
        />
      ))}
      {summary.ignored.length > 0 && <IgnoredCard files={summary.ignored} />}
    </div>
  );
}

function UnreadCard({ file }: { file: UnreadFile }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="import-file failed" aria-labelledby={titleId}>
      <h3 id={titleId} className="import-file-name">
        {file.file}
      </h3>
      <p className="import-error-line" role="alert">
        <span className="issue-kind error">{t('import.issues.error')}</span> {file.message}
      </p>
    </section>
  );
}

function IgnoredCard({ files }: { files: string[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="import-file ignored" aria-labelledby={titleId}>
      <h3 id={titleId} className="import-file-name">
        {t('import.ignored.title')}
      </h3>
      <details>
        <summary>{t('import.ignored.intro', { count: files.length })}</summary>
        <ul className="import-ignored-list">
          {files.map((f) => (
            <li key={f}>{f.split(/[\\/]/).pop()}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

type CardProps = { file: FilePreview; skipped: boolean; onSkip(skip: boolean): void; onEditColumns?: () => void; recognised: boolean };

function FileCard({ file, skipped, onSkip, onEditColumns, recognised }: CardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const importable = file.new + file.merged + file.duplicates + file.interactions + file.ties > 0 || file.profile;
  const failed = !importable && (file.errors.length > 0 || file.read > 0);
  const matched = MATCH_KINDS.filter((k) => file.matchedOn[k] > 0)
    .map((k) => t(`import.matchedOn.${k}`, { count: file.matchedOn[k] }))
    .join(', ');
  const where = (i: { line?: number; card?: number }) =>
    [i.card ? t('import.issues.card', { n: i.card }) : '', i.line ? t('import.issues.line', { n: i.line }) : ''].filter(Boolean).join(', ') ||
    t('import.issues.wholeFile');
  return (
    <section className={`import-file${skipped ? ' skipped' : ''}${failed ? ' failed' : ''}`} aria-labelledby={titleId}>
      <header className="import-file-head">
        <h3 id={titleId} className="import-file-name">
          {file.file}
        </h3>
        {recognised && <span className="badge">{t(`import.formats.${file.format}`, { defaultValue: file.format })}</span>}
        {/* A vCard decodes each value on its own: it has no single encoding worth showing. */}
        {file.encoding && file.encoding !== 'per value' && (
          <span className="import-encoding" title={t('import.preview.encoding')}>
            {file.encoding}
          </span>
        )}
        {onEditColumns && (
          <button type="button" className="button small" onClick={onEditColumns}>
            {t('import.preview.editColumns')}
          </button>
        )}
      </header>
      {skipped ? (
        <p className="hint">{t('import.preview.skippedNote')}</p>
      ) : (
        <ul className="import-counts">
          {/* LinkedIn messages, endorsements, ties files, the user's own profile: no contacts. */}
          {(file.kind === 'contacts' || file.read > 0) && (
            <>
              <li data-testid="count-read">{t('import.preview.read', { count: file.read })}</li>
              <li data-testid="count-new">{t('import.preview.new', { count: file.new })}</li>
              <li data-testid="count-merged">
                {t('import.preview.merged', { count: file.merged })}
                {matched && <span className="import-matched"> ({matched})</span>}
              </li>
              {file.duplicates > 0 && <li data-testid="count-duplicates">{t('import.preview.duplicates', { count: file.duplicates })}</li>}
              {file.skipped > 0 && <li data-testid="count-skipped">{t('import.preview.skipped', { count: file.skipped })}</li>}
              {file.possible > 0 && <li data-testid="count-possible">{t('import.preview.possible', { count: file.possible })}</li>}
            </>
          )}
          {(file.interactions > 0 || file.kind === 'interactions') && <li data-testid="count-interactions">{t('import.preview.interactions', { count: file.interactions })}</li>}
          {(file.ties > 0 || file.kind === 'ties') && <li>{t('import.preview.ties', { count: file.ties })}</li>}
          {file.profile && <li>{t('import.preview.profileFile')}</li>}
        </ul>
      )}
      {file.errors.length > 0 && importable && (
        <fieldset className="import-choice">
          <legend>{t('import.preview.errorsChoice', { count: file.errors.length })}</legend>
          <label>
            <input type="radio" name={`${titleId}-choice`} checked={!skipped} onChange={() => onSkip(false)} />
            {t('import.preview.importValid')}
          </label>
          <label>
            <input type="radio" name={`${titleId}-choice`} checked={skipped} onChange={() => onSkip(true)} />
            {t('import.preview.skipFile')}
          </label>
        </fieldset>
      )}
      {file.errors.length + file.warnings.length + file.conflicts.length > 0 && (
        <div className="import-issues" tabIndex={0} role="region" aria-label={t('import.issues.label', { file: file.file })}>
          <ul>
            {file.errors.map((e, i) => (
              <li key={`e${i}`}>
                <span className="issue-kind error">{t('import.issues.error')}</span>
                <span className="issue-where">{where(e)}</span>
                <span className="issue-message">{issueText(t, e)}</span>
              </li>
            ))}
            {file.conflicts.map((c, i) => (
              <li key={`c${i}`}>
                <span className="issue-kind conflict">{t('import.issues.conflict')}</span>
                <span className="issue-where">{refText(t, c.ref)}</span>
                <span className="issue-message">{conflictText(t, c)}</span>
              </li>
            ))}
            {file.moreConflicts > 0 && <li>{t('import.issues.moreConflicts', { count: file.moreConflicts })}</li>}
            {file.warnings.map((w, i) => (
              <li key={`w${i}`}>
                <span className="issue-kind warning">{t('import.issues.warning')}</span>
                <span className="issue-where">{where(w)}</span>
                <span className="issue-message">{issueText(t, w)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function conflictText(t: TFunction, c: FilePreview['conflicts'][number]): string {
  if (c.field === 'match') {
    // "Name|kind": the other contact a key of this record points to, and which key.
    const bar = c.incoming.lastIndexOf('|');
    const other = bar < 0 ? c.incoming : c.incoming.slice(0, bar);
    const on = bar < 0 ? '' : c.incoming.slice(bar + 1);
    return t('import.issues.alsoMatches', { name: c.contactName, other, on: t(`import.matchKind.${on}`, { defaultValue: on }) });
  }
  return t(NOT_IN_NOTES.includes(c.field) ? 'import.issues.conflictIgnored' : 'import.issues.conflictText', {
    name: c.contactName,
    field: t(`import.fields.${c.field}`, { defaultValue: c.field }),
    existing: c.existing,
    incoming: c.incoming,
  });
}
