// The people at the desk: who is working at this computer, the list of staff, and handing cases over.
export {
  setCurrentPersonId,
  useCurrentPerson,
  useCurrentPersonRead,
  usePeople,
  pickCurrentPerson,
  type CurrentPerson,
} from './current';
export { HandlerSelect, type HandlerSelectProps } from './HandlerSelect';
export { PersonPicker } from './PersonPicker';
export { MyCasesPage } from './MyCasesPage';
export { checkDeactivate, checkNewPersonName, ensureDeskPerson } from './manage';
export { useWorkingPerson } from './useWorkingPerson';
