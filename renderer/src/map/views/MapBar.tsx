import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarnetDocument } from '../../../../shared/document/schema.js';
import { Icon } from '../../components/Icon.js';
import { FilterChips } from '../../filters/FilterChips.js';
import { isFiltering } from '../../filters/filterModel.js';
import { useFilterState } from '../../filters/filterState.js';
import { revealSection } from '../../workspace/sections.js';
import { FoldButton } from '../../workspace/Workspace.js';
import { usePreferences } from '../../preferences/preferences.js';
import type { CarnetMap, EgoView } from '../engine/carnetMap.js';
import { ViewsMenu } from './ViewsMenu.js';

type Props = { doc: CarnetDocument; version: number; map: CarnetMap | null; openContactId: string | null; onShortcuts(): void };

/**
 * The strip above the map: saved views, the filters (the button opens them
 * in the side dock; the active ones show as chips), and the ego view — who
 * is in the middle, how far it reaches, and the way out.
 */
export function MapBar({ doc, version, map, openContactId, onShortcuts }: Props) {
  const { t } = useTranslation();
  const { filters } = useFilterState();
  const folded = usePreferences().panels?.sideCollapsed ?? false;
  const [ego, setEgo] = useState<EgoView | null>(null);
  useEffect(() => {
    if (!map) return;
    setEgo(map.egoView());
    return map.on('ego', setEgo);
  }, [map]);
  const egoName = ego && Object.hasOwn(doc.contacts, ego.id) ? doc.contacts[ego.id]!.name : null;
  const candidate = !ego && openContactId && Object.hasOwn(doc.contacts, openContactId) ? doc.contacts[openContactId]! : null;

  return (
    <div className="map-bar" role="toolbar" aria-label={t('map.bar')}>
      <ViewsMenu doc={doc} version={version} map={map} />
      <button type="button" className={`button map-bar-button${isFiltering(filters) ? ' active' : ''}`} onClick={() => revealSection('filters')}>
        <Icon name="filter" size={16} />
        {t('filters.button')}
      </button>
      {egoName && ego ? (
        <div className="ego-chip" role="group" aria-label={t('map.ego.label', { name: egoName })}>
          <Icon name="target" size={16} />
          <span className="ego-name">{t('map.ego.title', { name: egoName })}</span>
          <span className="segmented" role="radiogroup" aria-label={t('map.ego.depth')}>
            {([1, 2] as const).map((d) => (
              <button key={d} type="button" role="radio" aria-checked={ego.depth === d} className={ego.depth === d ? 'on' : ''} onClick={() => map?.focusContact(ego.id, d, { centre: false })}>
                {t('map.ego.steps', { count: d })}
              </button>
            ))}
          </span>
          <button type="button" className="chip-remove" aria-label={t('map.ego.exit')} title={t('map.ego.exit')} onClick={() => map?.focusContact(null)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ) : (
        candidate && (
          <button type="button" className="button map-bar-button ego-show" title={t('map.ego.show', { name: candidate.name })} onClick={() => map?.focusContact(candidate.id, 1)}>
            <Icon name="target" size={16} />
            <span>{t('map.ego.show', { name: candidate.name })}</span>
          </button>
        )
      )}
      <div className="map-bar-chips">
        <FilterChips doc={doc} />
      </div>
      <button type="button" className="icon-button" aria-label={t('map.shortcuts')} title={t('map.shortcuts')} aria-keyshortcuts="?" onClick={onShortcuts}>
        <Icon name="keyboard" />
      </button>
      {!folded && <FoldButton folded={false} />}
    </div>
  );
}
