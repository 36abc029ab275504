// The door of the case list feature: the list of every case (search, filters, sort). A feature of its own, apart
// from the case page (features/cases), so opening the list loads none of the case page's code (pdf-lib and the
// letter builders: about a second of script at load, issue #19).
export { CaseListPage } from './CaseListPage';
