import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filesFromDrop, type SourceFile } from './gatherFiles.js';

type Props = { enabled: boolean; onFiles(files: SourceFile[]): void };

const carriesFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));

/**
 * Files and folders dropped anywhere on the window start an import. Every
 * file drag is caught, even when importing is not possible right now, so a
 * dropped file never makes the browser navigate away from the app.
 */
export function DropZone({ enabled, onFiles }: Props) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const latest = useRef({ enabled, onFiles });
  latest.current = { enabled, onFiles };

  useEffect(() => {
    // dragenter/dragleave fire for every child crossed: count them to know when the drag leaves the window.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      if (latest.current.enabled) setOver(true);
    };
    const dragOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = latest.current.enabled ? 'copy' : 'none';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      if (!latest.current.enabled) return;
      const onFiles = latest.current.onFiles;
      void filesFromDrop(e.dataTransfer!).then((files) => files.length > 0 && onFiles(files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', dragOver);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', dragOver);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!over) return null;
  return (
    <div className="import-drop-overlay" aria-hidden="true">
      <div className="import-drop-card">
        <p className="import-drop-title">{t('import.drop.title')}</p>
        <p>{t('import.drop.hint')}</p>
      </div>
    </div>
  );
}
