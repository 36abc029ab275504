// Who is recorded as the author of an action. For now the desk's handler from the settings; when the "who is
// working" picker lands, this is the one place to switch (e.g. to `useCurrentPerson()?.name`).
import { useSettings } from '../../../db/hooks';

/** The name of the person working, '' while loading or when none is set. */
export function useWorkingPerson(): string {
  const settings = useSettings();
  return settings?.handlerName ?? '';
}
