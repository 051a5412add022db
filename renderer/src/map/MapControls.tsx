import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetMap, MapOptions } from './carnetMap.js';

/** What the map shows: node size, the user in the middle, the gaps overlay, category areas; how Shift+drag selects; and a new layout. */
export function MapControls({ map }: { map: CarnetMap }) {
  const { t } = useTranslation();
  const [opts, setOpts] = useState<MapOptions>(() => map.options());
  const change = (patch: Partial<MapOptions>) => {
    map.setOptions(patch);
    setOpts(map.options());
  };
  return (
    <div className="map-controls" role="group" aria-label={t('map.options')}>
      <label>
        <span>{t('map.sizeBy')}</span>
        <select value={opts.sizeBy} onChange={(e) => change({ sizeBy: e.target.value as MapOptions['sizeBy'] })}>
          <option value="strength">{t('map.sizeStrength')}</option>
          <option value="brokerage">{t('map.sizeBrokerage')}</option>
        </select>
      </label>
      <label>
        <input type="checkbox" checked={opts.showMe} onChange={(e) => change({ showMe: e.target.checked })} />
        <span>{t('map.showMe')}</span>
      </label>
      <label title={t('map.gapsHint')}>
        <input type="checkbox" checked={opts.showGaps} onChange={(e) => change({ showGaps: e.target.checked })} />
        <span>{t('map.showGaps')}</span>
      </label>
      <label title={t('map.categoriesHint')}>
        <input type="checkbox" checked={opts.showCategories} onChange={(e) => change({ showCategories: e.target.checked })} />
        <span>{t('map.showCategories')}</span>
      </label>
      <label title={t('map.selectionHint')}>
        <span>{t('map.selection')}</span>
        <select value={opts.selection} onChange={(e) => change({ selection: e.target.value as MapOptions['selection'] })}>
          <option value="box">{t('map.selectionBox')}</option>
          <option value="lasso">{t('map.selectionLasso')}</option>
        </select>
      </label>
      <button type="button" className="button" onClick={() => void map.relayout()}>
        {t('map.relayout')}
      </button>
    </div>
  );
}
