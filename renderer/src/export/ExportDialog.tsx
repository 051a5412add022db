import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/index.js';
import { useAnalysis } from '../analysis/useAnalysis.js';
import { Dialog } from '../dialogs/Dialog.js';
import { errorText } from '../state/store.js';
import { useStore } from '../state/StoreContext.js';
import { clusterMap, exportInWorker, fileStem, saveDownload } from './runExport.js';
import './export.css';

/** Formats whose files carry the cluster of each contact. */
const WITH_CLUSTERS: readonly ExportFormat[] = ['gexf', 'graphml', 'kumu'];

/** Exports the open document in one of the formats of shared/export, as a download. */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const store = useStore();
  const analysis = useAnalysis();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsClusters = WITH_CLUSTERS.includes(format);
  // Wait for a running analysis rather than write a graph file without its clusters.
  const waiting = needsClusters && !analysis.result && analysis.running && !analysis.error;

  const run = async () => {
    const doc = store.get().doc;
    if (!doc || busy || waiting) return;
    setBusy(true);
    setError(null);
    try {
      const clusters = needsClusters && analysis.result ? clusterMap(analysis.result.clusters) : undefined;
      const { name, blob } = await exportInWorker(doc, format, fileStem(doc.meta.title), clusters);
      saveDownload(name, blob);
      onClose();
    } catch (e) {
      setError(t('export.failed', { reason: errorText(e) }));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('export.title')}
      onClose={onClose}
      onSubmit={() => void run()}
      className="export-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy || waiting}>
            {busy ? t('export.working') : waiting ? t('export.waitingClusters') : t('export.export')}
          </button>
        </>
      }
    >
      <fieldset className="field export-formats">
        <legend>{t('export.format')}</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f} className={`export-format${f === format ? ' selected' : ''}`}>
            <input type="radio" name="export-format" value={f} checked={f === format} onChange={() => setFormat(f)} {...(f === format ? { 'data-autofocus': true } : {})} />
            <span className="export-format-text">
              <span className="export-format-name">{t(`export.formats.${f}.name`)}</span>
              <span className="hint">{t(`export.formats.${f}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {needsClusters && !analysis.result && !waiting && <p className="hint">{t('export.noClusters')}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
