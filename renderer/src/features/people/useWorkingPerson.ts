// Who is recorded as the author of an action: the person chosen in the header's "who is working" picker (which
// falls back to the desk's first handler from the settings).
import { useCurrentPerson } from './current';

/** The name of the person working, '' while loading or when none is set. */
export function useWorkingPerson(): string {
  return useCurrentPerson()?.name ?? '';
}
