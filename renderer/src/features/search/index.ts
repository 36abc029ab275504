// The door of the search feature: what the app and other features may use of it.
export { CaseTable, type CaseTableHandle } from './CaseTable';
export { filterChoices, prepareCaseList, SORTS, type CaseFilters, type SortKey } from './search';
export { activeFilterCount, useCaseSearch, type ListState } from './useCaseSearch';
