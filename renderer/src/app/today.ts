import { localIsoDate } from '../../../shared/model/dates';

/** The desk's date. The one place the renderer reads the clock for "today". */
export const todayIso = (): string => localIsoDate(new Date());
