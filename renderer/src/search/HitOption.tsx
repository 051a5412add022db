import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/search/searchIndex.js';
import { Highlighted } from './Highlighted.js';

type Props = { hit: SearchHit; id: string; active: boolean; onChoose(hit: SearchHit): void; onHover(): void };

/**
 * One search result as an option of a combobox's listbox (the toolbar's search, the contact picker of a
 * card): the name with what matched highlighted, and the field that matched when it is not the name.
 */
export function HitOption({ hit, id, active, onChoose, onHover }: Props) {
  const { t } = useTranslation();
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={`search-hit${active ? ' active' : ''}`}
      // mousedown, not click: the input's blur would close the list before the click lands.
      onMouseDown={(e) => {
        e.preventDefault();
        onChoose(hit);
      }}
      onMouseMove={onHover}
    >
      <span className="search-hit-name">
        <Highlighted text={hit.name} ranges={hit.nameRanges} />
      </span>
      {hit.detail && (
        <span className="search-hit-detail">
          <span className="search-hit-field">{t(`search.fields.${hit.detail.field}`)}</span>
          <Highlighted text={hit.detail.text} ranges={hit.detail.ranges} />
        </span>
      )}
    </li>
  );
}
