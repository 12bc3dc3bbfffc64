export { MIN_QUERY_LENGTH, searchKeys, useSearch } from './api/search';
export { savedFilterKeys, useSavedFilters } from './api/saved-filters';
export { HeaderSearch } from './components/header-search';
export { SavedFiltersMenu } from './components/saved-filters-menu';
export { SearchBox } from './components/search-box';
export { MESSAGE_PARAM, MessageFocus, useMessageFocus } from './hooks/use-message-focus';
export type { SearchRoutes } from './routes';
export type { ContactHit, MessageHit, SavedFilter, SavedFilterQuery, SearchResults } from './types';
