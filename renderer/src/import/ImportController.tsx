import { useCallback, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../dialogs/Dialog.js';
import { DropZone } from './DropZone.js';
import { checkSizes, filesFromList, type RefusedFile, type SourceFile } from './gatherFiles.js';
import { ImportDialog } from './ImportDialog.js';

/** What the toolbar and the File menu call. */
export type ImportHandle = { pick(): void };

type Job = { key: number; files: SourceFile[]; refused: RefusedFile[] };

const ACCEPT = '.csv,.tsv,.txt,.vcf,.vcard,.json,.zip,text/csv,text/vcard,application/zip';

/**
 * Owns the ways an import starts (the file picker, a drop on the window) and
 * the import dialog. One `<input type="file">` serves both transports: in
 * Electron it opens the native dialog, in the browser the file picker.
 */
export function ImportController({ handleRef, ready }: { handleRef: MutableRefObject<ImportHandle | null>; ready: boolean }) {
  const { t } = useTranslation();
  const [job, setJob] = useState<Job | null>(null);
  const [asking, setAsking] = useState(false);
  const [input, setInput] = useState<HTMLInputElement | null>(null);

  const start = useCallback((files: SourceFile[]) => {
    if (files.length === 0) return;
    const { accepted, refused } = checkSizes(files);
    setJob({ key: Date.now(), files: accepted, refused });
  }, []);

  handleRef.current = {
    pick() {
      if (!ready || job) return;
      // Browsers open a file picker only during a user gesture; a menu event (Electron) may come without one.
      if (navigator.userActivation && !navigator.userActivation.isActive) setAsking(true);
      else input?.click();
    },
  };

  return (
    <>
      <input
        ref={setInput}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        aria-label={t('import.pickLabel')}
        data-testid="import-input"
        onChange={(e) => {
          const list = e.currentTarget.files;
          if (list) start(filesFromList(list));
          // Choosing the same file again must fire change again.
          e.currentTarget.value = '';
        }}
      />
      <DropZone enabled={ready && !job && !asking} onFiles={start} />
      {asking && (
        <Dialog
          title={t('import.title')}
          onClose={() => setAsking(false)}
          className="dialog-small"
          footer={
            <>
              <button type="button" className="button" onClick={() => setAsking(false)}>
                {t('dialog.cancel')}
              </button>
              <button
                type="button"
                className="button primary"
                data-autofocus
                onClick={() => {
                  setAsking(false);
                  input?.click();
                }}
              >
                {t('import.choose')}
              </button>
            </>
          }
        >
          <p>{t('import.startHint')}</p>
        </Dialog>
      )}
      {job && <ImportDialog key={job.key} files={job.files} refused={job.refused} onClose={() => setJob(null)} />}
    </>
  );
}
