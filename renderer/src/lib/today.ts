import { useEffect, useState } from 'react';
import { localIsoDate } from '#shared/model/dates';

/** The desk's date. The one place the renderer reads the clock for "today". */
export const todayIso = (): string => localIsoDate(new Date());

/** The desk's time zone: the computer's, as for "today" (an email's date is read in it). */
export const deskTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Today's date, redrawn just after midnight (and when the window comes back after the computer slept). */
export function useToday(): string {
  const [today, setToday] = useState(todayIso);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      timer = setTimeout(() => {
        setToday(todayIso());
        arm();
      }, msUntilMidnight(new Date()));
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') setToday(todayIso());
    };
    arm();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return today;
}

/** Milliseconds from `now` to the next local midnight (at least 1 s, so a timer never spins). */
export function msUntilMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
  return Math.max(1000, next.getTime() - now.getTime());
}
