import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type ImportChoices, type Language } from '../../../shared/api/contract.js';
import type { ColumnTarget, Decision, FilePreview } from '../../../shared/import/index.js';
import { MAX_IMPORT_BYTES } from '../../../shared/import/index.js';
import type { ImportSummary } from '../../../shared/import/summary.js';
import { Dialog } from '../dialogs/Dialog.js';
import { errorText } from '../state/store.js';
import { useStore } from '../state/StoreContext.js';
import { ColumnsStep, type ColumnsFile } from './ColumnsStep.js';
import type { RefusedFile, SourceFile } from './gatherFiles.js';
import { ImportSession, type Progress } from './importClient.js';
import { PreviewStep, type UnreadFile } from './PreviewStep.js';
import './import.css';

type Props = { files: SourceFile[]; refused: RefusedFile[]; onClose(): void };

type Phase =
  | { kind: 'uploading'; progress: Progress | null }
  | { kind: 'columns' }
  | { kind: 'matching' }
  | { kind: 'preview' }
  | { kind: 'applying' }
  | { kind: 'failed'; message: string };

/** Quiet time after a choice about a possible duplicate before the main side counts again. */
const DECISION_DELAY_MS = 300;

const mb = (bytes: number) => Math.round(bytes / 1048576);

/**
 * The import: send the files to the main side (with progress and Cancel), confirm the columns of CSVs
 * that are no known export, preview what would change (the user's own profile, possible duplicates to
 * decide, each file's counts and problems), and apply it all as ONE edit, so one undo removes it. The
 * reading, matching and applying happen where the document lives; closing the dialog before "Import"
 * frees what the main side holds and changes nothing.
 */
export function ImportDialog({ files, refused, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const [phase, setPhase] = useState<Phase>({ kind: 'uploading', progress: null });
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [columns, setColumns] = useState<ColumnsFile[]>([]);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [decisions, setDecisions] = useState<ReadonlyMap<string, Decision>>(new Map());
  const [all, setAll] = useState<Decision | undefined>(undefined);
  const [seen, setSeen] = useState<Record<string, FilePreview>>({});
  const session = useRef<ImportSession | null>(null);
  const request = useRef(0);
  const lang: Language = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
  // The notes an import writes (LinkedIn messages…) are in the language it started in.
  const startLang = useRef(lang);

  const choices = useCallback(
    (mapped: ColumnsFile[], skip: ReadonlySet<string>, decided: ReadonlyMap<string, Decision>, every: Decision | undefined): ImportChoices => ({
      mappings: mapped.map((f) => ({ file: f.name, mapping: { headerRow: f.columns.guessed.headerRow, columns: f.targets, dayFirst: f.columns.guessed.dayFirst } })),
      skip: [...skip],
      decisions: [...decided].map(([key, choice]) => ({ key, choice })),
      ...(every ? { all: every } : {}),
      lang: startLang.current,
    }),
    [],
  );

  const match = useCallback(
    async (c: ImportChoices) => {
      const s = session.current;
      if (!s) return;
      const id = ++request.current;
      setPhase({ kind: 'matching' });
      try {
        const result = await s.preview(c);
        if (id !== request.current) return;
        setSummary(result);
        setSeen((old) => ({ ...old, ...Object.fromEntries(result.files.map((f) => [f.file, f])) }));
        setPhase({ kind: 'preview' });
      } catch (e) {
        if (id === request.current) setPhase({ kind: 'failed', message: errorText(e) });
      }
    },
    [],
  );

  useEffect(() => {
    const s = new ImportSession(store.api, (progress) => setPhase((p) => (p.kind === 'uploading' ? { kind: 'uploading', progress } : p)));
    session.current = s;
    let live = true;
    (async () => {
      await s.upload(files);
      if (!live) return;
      const first = await s.preview({ mappings: [], skip: [], decisions: [], lang: startLang.current });
      if (!live) return;
      setSummary(first);
      setSeen(Object.fromEntries(first.files.map((f) => [f.file, f])));
      const mapped = first.columns.map(
        (c): ColumnsFile => ({ name: c.file, columns: c, targets: c.mapping.columns, remembered: c.remembered }),
      );
      setColumns(mapped);
      setPhase(mapped.length > 0 ? { kind: 'columns' } : { kind: 'preview' });
    })().catch((e: unknown) => live && setPhase({ kind: 'failed', message: errorText(e) }));
    return () => {
      live = false;
      s.cancel();
      session.current = null;
    };
  }, [files, store]);

  // Answers about possible duplicates are counted again by the main side once the user pauses.
  const pendingDecision = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (pendingDecision.current && clearTimeout(pendingDecision.current)), []);
  const decide = (next: ReadonlyMap<string, Decision>, every: Decision | undefined) => {
    setDecisions(next);
    setAll(every);
    if (pendingDecision.current) clearTimeout(pendingDecision.current);
    pendingDecision.current = setTimeout(() => void match(choices(columns, skipped, next, every)), DECISION_DELAY_MS);
  };

  const changeColumn = (name: string, index: number, target: ColumnTarget | null) =>
    setColumns((list) => list.map((f) => (f.name === name ? { ...f, targets: f.targets.map((x, i) => (i === index ? target : x)) } : f)));

  const skip = (file: string, yes: boolean) => {
    const next = new Set(skipped);
    if (yes) next.add(file);
    else next.delete(file);
    setSkipped(next);
    void match(choices(columns, next, decisions, all));
  };

  const confirm = async () => {
    const s = session.current;
    if (!s || !summary) return;
    if (pendingDecision.current) clearTimeout(pendingDecision.current);
    setPhase({ kind: 'applying' });
    const totals = summary.totals;
    if (await store.perform(s.commit(choices(columns, skipped, decisions, all)))) {
      s.done();
      const created = t('import.doneNew', { count: totals.new });
      const completed = t('import.doneMerged', { count: totals.merged });
      // The notice goes with the edit: undoing the import takes it away.
      store.notify({ level: 'info', code: 'import-done', message: t('import.done', { created, completed }) }, store.get().undo.undoLabel ?? undefined);
      onClose();
    } else setPhase({ kind: 'preview' });
  };

  const unread: UnreadFile[] = useMemo(
    () => [
      ...refused.map((r) => ({ file: r.path, message: t('import.tooBig', { size: mb(r.bytes), max: mb(MAX_IMPORT_BYTES) }) })),
      ...(summary?.unread ?? []).map((u) => ({ file: u.file, message: t(u.key, u.params ?? {}) })),
    ],
    [refused, summary, t],
  );
  const shownFiles = summary ? orderedFiles(summary, seen, skipped) : [];
  const mappable = useMemo(() => new Set(columns.map((c) => c.name)), [columns]);
  const unrecognised = useMemo(() => new Set(summary?.unrecognised ?? []), [summary]);
  const busy = phase.kind === 'uploading' || phase.kind === 'matching' || phase.kind === 'applying';
  const showPreview = summary && (phase.kind === 'preview' || phase.kind === 'matching' || phase.kind === 'applying');

  const footer = (
    <>
      <button type="button" className="button" onClick={onClose} disabled={phase.kind === 'applying'}>
        {t('dialog.cancel')}
      </button>
      {phase.kind === 'columns' && (
        <button type="button" className="button primary" onClick={() => void match(choices(columns, skipped, decisions, all))}>
          {t('import.columns.continue')}
        </button>
      )}
      {showPreview && (
        <button type="button" className="button primary" disabled={phase.kind !== 'preview' || !summary.changes} onClick={() => void confirm()}>
          {t('import.confirm')}
        </button>
      )}
    </>
  );

  return (
    <Dialog title={phase.kind === 'columns' ? t('import.columns.title') : t('import.title')} onClose={onClose} footer={footer} className="import-dialog">
      {busy && <ProgressLine phase={phase} />}
      {phase.kind === 'failed' && (
        <p className="field-error" role="alert">
          {t('import.failed', { reason: phase.message })}
        </p>
      )}
      {phase.kind === 'columns' && <ColumnsStep files={columns} onChange={changeColumn} />}
      {showPreview && (
        <PreviewStep
          summary={summary}
          files={shownFiles}
          unread={unread}
          skipped={skipped}
          onSkip={skip}
          mappable={mappable}
          onEditColumns={() => setPhase({ kind: 'columns' })}
          unrecognised={unrecognised}
          decisions={decisions}
          all={all}
          onDecide={decide}
        />
      )}
    </Dialog>
  );
}

function ProgressLine({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const progress = phase.kind === 'uploading' ? phase.progress : null;
  const text =
    phase.kind === 'applying'
      ? t('import.progress.applying')
      : phase.kind === 'matching'
        ? t('import.progress.matching')
        : progress && progress.file
          ? t('import.progress.sending', { file: progress.file, percent: progress.total ? Math.floor((100 * progress.sent) / progress.total) : 0 })
          : t('import.progress.starting');
  return (
    <div className="import-progress" role="status">
      <p>{text}</p>
      {progress && progress.total > 0 ? (
        <progress max={progress.total} value={progress.sent} aria-label={t('import.progress.label')} />
      ) : (
        <progress aria-label={t('import.progress.label')} />
      )}
    </div>
  );
}

/** The files of the preview plus the skipped ones as last seen, in the order the preview gives. */
function orderedFiles(result: ImportSummary, seen: Record<string, FilePreview>, skipped: ReadonlySet<string>): FilePreview[] {
  const shown = new Set(result.files.map((f) => f.file));
  const extra = [...skipped].filter((f) => !shown.has(f) && Object.hasOwn(seen, f)).map((f) => seen[f]!);
  return [...result.files, ...extra];
}
