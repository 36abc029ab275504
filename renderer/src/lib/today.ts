import { useEffect, useState } from 'react';
import { localIsoDate } from '#shared/model/dates';
import { msUntilMidnight } from '#renderer/features/reminders/plan';

/** The desk's date. The one place the renderer reads the clock for "today". */
export const todayIso = (): string => localIsoDate(new Date());

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
