import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnTarget, CsvMapping, FilePreview, ImportPreview } from '../../../shared/import/index.js';
import { MAX_IMPORT_BYTES } from '../../../shared/import/index.js';
import { Dialog } from '../dialogs/Dialog.js';
import { errorText } from '../state/store.js';
import { useStore } from '../state/StoreContext.js';
import { ColumnsStep, type ColumnsFile } from './ColumnsStep.js';
import type { RefusedFile } from './gatherFiles.js';
import { ImportSession, type Progress, type ReadResult } from './importClient.js';
import { PreviewStep, type UnreadFile } from './PreviewStep.js';
import type { SourceFile } from './protocol.js';
import './import.css';

type Props = { files: SourceFile[]; refused: RefusedFile[]; onClose(): void };

type Phase =
  | { kind: 'reading'; progress: Progress | null }
  | { kind: 'columns' }
  | { kind: 'matching' }
  | { kind: 'preview' }
  | { kind: 'applying' }
  | { kind: 'failed'; message: string };

/** As the contract's `headerKey` validator. */
const MAX_HEADER_KEY = 20_000;

const mb = (bytes: number) => Math.round(bytes / 1048576);

/**
 * The import, from files to one ChangeSet: read and parse in a worker (with
 * progress and Cancel), map the columns of generic CSVs, preview what would
 * change, and apply it all as ONE edit, so one undo removes it. Closing the
 * dialog at any point before "Import" stops the worker and changes nothing.
 */
export function ImportDialog({ files, refused, onClose }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const [phase, setPhase] = useState<Phase>({ kind: 'reading', progress: null });
  const [read, setRead] = useState<ReadResult | null>(null);
  const [columns, setColumns] = useState<ColumnsFile[]>([]);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [preview, setPreview] = useState<{ result: ImportPreview; revision: number } | null>(null);
  const [seen, setSeen] = useState<Record<string, FilePreview>>({});
  const session = useRef<ImportSession | null>(null);
  const request = useRef(0);

  const unread: UnreadFile[] = useMemo(
    () => [
      ...refused.map((r) => ({ file: r.path, message: t('import.tooBig', { size: mb(r.bytes), max: mb(MAX_IMPORT_BYTES) }) })),
      ...(read?.problems ?? []).map((p) => ({ file: p.file, message: p.message })),
    ],
    [refused, read, t],
  );

  const match = useCallback(
    async (mapped: ColumnsFile[], skip: ReadonlySet<string>) => {
      const s = session.current;
      const doc = store.get().doc;
      if (!s || !doc) return null;
      const id = ++request.current;
      setPhase({ kind: 'matching' });
      const mappings: Record<string, CsvMapping> = {};
      for (const f of mapped) mappings[f.name] = mappingOf(f);
      const revision = store.get().revision;
      try {
        const result = await s.preview(doc, revision, mappings, [...skip]);
        if (id !== request.current) return null;
        setPreview({ result, revision });
        setSeen((old) => ({ ...old, ...Object.fromEntries(result.files.map((f) => [f.file, f])) }));
        setPhase({ kind: 'preview' });
        return result;
      } catch (e) {
        if (id === request.current) setPhase({ kind: 'failed', message: errorText(e) });
        return null;
      }
    },
    [store],
  );

  useEffect(() => {
    const s = new ImportSession((progress) => setPhase((p) => (p.kind === 'reading' ? { kind: 'reading', progress } : p)));
    session.current = s;
    let live = true;
    const me = store.get().doc?.me;
    (async () => {
      const result = await s.read(files, { name: me?.name, profileUrl: me?.profileUrl });
      const mapped = await Promise.all(
        result.files.flatMap((f) => (f.columns ? [columnsFile(f.name, f.columns, (key) => store.api.getImportMapping(key))] : [])),
      );
      if (!live) return;
      setRead(result);
      setColumns(mapped);
      if (mapped.length > 0) setPhase({ kind: 'columns' });
      else await match([], new Set());
    })().catch((e: unknown) => live && setPhase({ kind: 'failed', message: errorText(e) }));
    return () => {
      live = false;
      s.cancel();
      session.current = null;
    };
  }, [files, store, match]);

  const changeColumn = (name: string, index: number, target: ColumnTarget | null) =>
    setColumns((list) => list.map((f) => (f.name === name ? { ...f, targets: f.targets.map((x, i) => (i === index ? target : x)) } : f)));

  const skip = (file: string, yes: boolean) => {
    const next = new Set(skipped);
    if (yes) next.add(file);
    else next.delete(file);
    setSkipped(next);
    void match(columns, next);
  };

  const confirm = async () => {
    if (!preview) return;
    setPhase({ kind: 'applying' });
    // The document changed while the preview was shown (another window): match again so nothing is overwritten.
    const current = preview.revision === store.get().revision ? preview.result : await match(columns, skipped);
    if (!current) return;
    setPhase({ kind: 'applying' });
    try {
      await Promise.all(
        columns.filter((f) => f.headerKey && !skipped.has(f.name)).map((f) => store.api.setImportMapping(f.headerKey!, mappingOf(f))),
      );
    } catch (e) {
      store.fail(e);
    }
    if (await store.apply(current.changeSet)) {
      store.notify(
        {
          level: 'info',
          code: 'import-done',
          message: t('import.done', {
            added: t('import.doneNew', { count: current.totals.new }),
            completed: t('import.doneMerged', { count: current.totals.merged }),
          }),
        },
        current.changeSet.label,
      );
      onClose();
    } else setPhase({ kind: 'preview' });
  };

  const files_ = preview ? orderedFiles(preview.result, seen, skipped) : [];
  const mappable = useMemo(() => new Set(columns.map((c) => c.name)), [columns]);
  const unrecognised = useMemo(() => new Set((read?.files ?? []).filter((f) => !f.recognised).map((f) => f.name)), [read]);
  const busy = phase.kind === 'reading' || phase.kind === 'matching' || phase.kind === 'applying';

  const footer = (
    <>
      <button type="button" className="button" onClick={onClose} disabled={phase.kind === 'applying'}>
        {t('dialog.cancel')}
      </button>
      {phase.kind === 'columns' && (
        <button type="button" className="button primary" onClick={() => void match(columns, skipped)}>
          {t('import.columns.continue')}
        </button>
      )}
      {(phase.kind === 'preview' || phase.kind === 'applying' || (phase.kind === 'matching' && preview)) && (
        <button
          type="button"
          className="button primary"
          disabled={phase.kind !== 'preview' || !preview || preview.result.changeSet.changes.length === 0}
          onClick={() => void confirm()}
        >
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
      {preview && (phase.kind === 'preview' || phase.kind === 'matching' || phase.kind === 'applying') && (
        <PreviewStep
          preview={preview.result}
          files={files_}
          unread={unread}
          skipped={skipped}
          onSkip={skip}
          mappable={mappable}
          onEditColumns={() => setPhase({ kind: 'columns' })}
          unrecognised={unrecognised}
        />
      )}
    </Dialog>
  );
}

function ProgressLine({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const progress = phase.kind === 'reading' ? phase.progress : null;
  const text =
    phase.kind === 'applying'
      ? t('import.progress.applying')
      : phase.kind === 'matching'
        ? t('import.progress.matching')
        : progress && progress.file
          ? t('import.progress.reading', { file: progress.file, n: progress.done + 1, total: progress.total })
          : t('import.progress.starting');
  return (
    <div className="import-progress" role="status">
      <p>{text}</p>
      {progress && progress.total > 0 ? (
        <progress max={progress.total} value={progress.done} aria-label={t('import.progress.label')} />
      ) : (
        <progress aria-label={t('import.progress.label')} />
      )}
    </div>
  );
}

async function columnsFile(
  name: string,
  columns: NonNullable<ReadResult['files'][number]['columns']>,
  remembered: (headerKey: string) => Promise<CsvMapping | null>,
): Promise<ColumnsFile> {
  const key = JSON.stringify(columns.header);
  // The contract caps the key's length; a header longer than that is simply not remembered.
  const headerKey = columns.guessed.headerRow === null || key.length > MAX_HEADER_KEY ? null : key;
  let saved: CsvMapping | null = null;
  if (headerKey) {
    try {
      saved = await remembered(headerKey);
    } catch {
      // Settings that cannot be read only cost the user the remembered mapping: the guess still works.
    }
  }
  const usable = saved && saved.headerRow === columns.guessed.headerRow && saved.columns.length === columns.header.length;
  return {
    name,
    columns,
    headerKey,
    targets: usable ? saved!.columns : [...columns.guessed.columns, ...Array(Math.max(0, columns.header.length - columns.guessed.columns.length)).fill(null)],
    remembered: Boolean(usable),
  };
}

function mappingOf(f: ColumnsFile): CsvMapping {
  return { headerRow: f.columns.guessed.headerRow, columns: f.targets, dayFirst: f.columns.guessed.dayFirst };
}

/** The files of the preview plus the skipped ones as last seen, in the order the preview gives. */
function orderedFiles(result: ImportPreview, seen: Record<string, FilePreview>, skipped: ReadonlySet<string>): FilePreview[] {
  const shown = result.files.map((f) => f.file);
  const extra = [...skipped].filter((f) => !shown.includes(f) && seen[f]).map((f) => seen[f]!);
  return [...result.files, ...extra];
}
