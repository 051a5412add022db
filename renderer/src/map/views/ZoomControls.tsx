import type { MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import type { CarnetMap } from '../engine/carnetMap.js';

/** Zoom without a wheel or a trackpad, and from the keyboard. It floats over the map: the camera keeps clear of it. */
export function ZoomControls({ mapRef }: { mapRef: MutableRefObject<CarnetMap | null> }) {
  const { t } = useTranslation();
  return (
    <div className="zoom-controls" role="group" aria-label={t('map.zoom')} data-map-obstacle>
      <button type="button" className="icon-button" aria-label={t('map.zoomIn')} title={t('map.zoomIn')} onClick={() => mapRef.current?.zoomBy(1.4)}>
        <Icon name="plus" />
      </button>
      <button type="button" className="icon-button" aria-label={t('map.zoomOut')} title={t('map.zoomOut')} onClick={() => mapRef.current?.zoomBy(1 / 1.4)}>
        <Icon name="minus" />
      </button>
      <button type="button" className="icon-button" aria-label={t('toolbar.fitHint')} title={t('toolbar.fitHint')} onClick={() => mapRef.current?.fit()}>
        <Icon name="fit" />
      </button>
    </div>
  );
}
