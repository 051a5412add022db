import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetMap, MapOptions } from '../engine/carnetMap.js';
import { setMapOptions, useMapOptions } from './mapOptions.js';

/** What the map shows: node size, the user in the middle, the gaps overlay, category areas; how Shift+drag selects; and a new layout. */
export function MapControls({ map }: { map: CarnetMap | null }) {
  const { t } = useTranslation();
  const opts = useMapOptions();
  const ids = { size: useId(), selection: useId(), gaps: useId(), categories: useId() };
  return (
    <div className="map-controls" role="group" aria-label={t('map.options')}>
      <div className="field">
        <label htmlFor={ids.size}>{t('map.sizeBy')}</label>
        <select id={ids.size} value={opts.sizeBy} onChange={(e) => setMapOptions({ sizeBy: e.target.value as MapOptions['sizeBy'] })}>
          <option value="strength">{t('map.sizeStrength')}</option>
          <option value="brokerage">{t('map.sizeBrokerage')}</option>
        </select>
      </div>
      <label className="check">
        <input type="checkbox" checked={opts.showMe} onChange={(e) => setMapOptions({ showMe: e.target.checked })} />
        <span>{t('map.showMe')}</span>
      </label>
      <div>
        <label className="check">
          <input type="checkbox" checked={opts.showGaps} aria-describedby={ids.gaps} onChange={(e) => setMapOptions({ showGaps: e.target.checked })} />
          <span>{t('map.showGaps')}</span>
        </label>
        <p className="hint" id={ids.gaps}>
          {t('map.gapsHint')}
        </p>
      </div>
      <div>
        <label className="check">
          <input type="checkbox" checked={opts.showCategories} aria-describedby={ids.categories} onChange={(e) => setMapOptions({ showCategories: e.target.checked })} />
          <span>{t('map.showCategories')}</span>
        </label>
        <p className="hint" id={ids.categories}>
          {t('map.categoriesHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.selection}>{t('map.selection')}</label>
        <select id={ids.selection} value={opts.selection} title={t('map.selectionHint')} onChange={(e) => setMapOptions({ selection: e.target.value as MapOptions['selection'] })}>
          <option value="box">{t('map.selectionBox')}</option>
          <option value="lasso">{t('map.selectionLasso')}</option>
        </select>
      </div>
      <button type="button" className="button" disabled={!map} onClick={() => void map?.relayout()}>
        {t('map.relayout')}
      </button>
    </div>
  );
}
