export { foldText, foldWithMap, tokens } from './normalize.js';
export { contactRecord, NOTES_SEARCH_LIMIT, SEARCH_FIELDS, type SearchField, type SearchRecord, type SearchValue } from './contactRecord.js';
export { highlight, MAX_RANKED, SearchIndex, type Range, type SearchHit } from './searchIndex.js';
