import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnsInfo, ColumnTarget } from '../../../shared/import/index.js';
import { hasNameColumn } from '../../../shared/import/mapping.js';
import { CHOICES, choiceOf, fieldKeyOf, targetOf, type Choice } from './columnChoices.js';

/** A CSV whose columns the user maps, with the choice for each column. */
export type ColumnsFile = {
  name: string;
  columns: ColumnsInfo;
  targets: (ColumnTarget | null)[];
  /** The targets came from the mapping confirmed last time for this header. */
  remembered: boolean;
};

type Props = { files: ColumnsFile[]; onChange(name: string, index: number, target: ColumnTarget | null): void };

/** The column-mapping step: what Carnet guessed (or remembered) for each column of each generic CSV, one select per column. */
export function ColumnsStep({ files, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="import-columns">
      <p className="hint">{t('import.columns.intro')}</p>
      {files.map((f) => (
        <ColumnsTable key={f.name} file={f} onChange={(i, target) => onChange(f.name, i, target)} />
      ))}
    </div>
  );
}

function ColumnsTable({ file, onChange }: { file: ColumnsFile; onChange(index: number, target: ColumnTarget | null): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const mapping = { headerRow: file.columns.guessed.headerRow, columns: file.targets, dayFirst: file.columns.guessed.dayFirst };
  const fieldName = (key: string) => t(`import.fields.${key}`, { defaultValue: key });
  return (
    <section className="import-file" aria-labelledby={titleId}>
      <h3 id={titleId} className="import-file-name">
        {file.name}
      </h3>
      <p className="hint">{file.remembered ? t('import.columns.remembered') : t('import.columns.guessed')}</p>
      <div className="import-table-wrap">
        <table className="import-columns-table">
          <thead>
            <tr>
              <th scope="col">{t('import.columns.column')}</th>
              <th scope="col">{t('import.columns.examples')}</th>
              <th scope="col">{t('import.columns.importAs')}</th>
            </tr>
          </thead>
          <tbody>
            {file.columns.header.map((h, i) => {
              const label = h.trim() || t('import.columns.columnN', { n: i + 1 });
              const target = file.targets[i] ?? null;
              const choice = choiceOf(target);
              const original = file.columns.guessed.columns[i] ?? null;
              // A guess the plain choices cannot express stays on offer, so it can be chosen again after a change.
              const special = choice === 'guessed' ? target : choiceOf(original) === 'guessed' ? original : null;
              const examples = file.columns.samples.map((r) => (r[i] ?? '').trim()).filter(Boolean);
              return (
                <tr key={i}>
                  <th scope="row">{label}</th>
                  <td className="import-examples" title={examples.join('\n')}>
                    {examples.length ? examples.join(' · ') : <span className="import-empty">{t('import.columns.noExample')}</span>}
                  </td>
                  <td>
                    <select
                      value={choice}
                      aria-label={t('import.columns.selectLabel', { column: label })}
                      onChange={(e) => onChange(i, e.target.value === 'guessed' ? special : targetOf(e.target.value as Choice))}
                    >
                      {special && (
                        <option value="guessed">
                          {'label' in special && special.label
                            ? t('import.fields.withLabel', { field: fieldName(fieldKeyOf(special)), label: special.label })
                            : fieldName(fieldKeyOf(special))}
                        </option>
                      )}
                      {CHOICES.map((c) => (
                        <option key={c} value={c}>
                          {fieldName(c)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!hasNameColumn(mapping) && (
        <p className="field-error" role="alert">
          {t('import.columns.needName', { file: file.name })}
        </p>
      )}
    </section>
  );
}
