// "This desk's cases" (issue #14): in a team, the dashboard and Reports count the team's cases; a desk can narrow
// them to its own, the cases whose reference starts with its prefix (shared/model/reference.ts). The choice is
// remembered at this desk (the `meta` table, never shared) and is the same on both screens. A lone desk sees no
// choice: every case is its own.
import { SegmentedControl } from '@mantine/core';
import { CASES_SCOPE_KEY, useMetaValue, useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { deskScope } from '#db/cases-scope';
import { useMembership } from './hooks';
import { useT } from '#lib/i18n/index';

export interface CasesScope {
  /** Whether the desk shares with a team (undefined while reading): the choice is shown only then. */
  inTeam: boolean | undefined;
  /** This desk's reference prefix. */
  prefix: string | undefined;
  /** The prefix whose cases alone are counted, or undefined for every case (the team's, or a lone desk's). */
  desk: string | undefined;
  /** Whether the scope is known yet (the screens wait for it rather than count twice). */
  ready: boolean;
}

/** The scope of the dashboard and Reports at this desk. */
export function useCasesScope(): CasesScope {
  const membership = useMembership();
  const settings = useSettings();
  const stored = useMetaValue<'team' | 'desk'>(CASES_SCOPE_KEY);
  const chosen = stored === undefined ? undefined : (stored ?? 'team');
  const inTeam = membership === undefined ? undefined : membership !== null;
  const prefix = settings?.deskPrefix;
  const ready = membership !== undefined && settings !== undefined && chosen !== undefined;
  return { inTeam, prefix, desk: deskScope(inTeam === true, chosen, prefix), ready };
}

/** Remember at this desk whether the dashboard and Reports count only its own cases. */
export async function chooseCasesScope(scope: 'team' | 'desk'): Promise<void> {
  await db().meta.put({ key: CASES_SCOPE_KEY, value: scope });
}

/** The team's cases or this desk's: shown on a desk in a team only. */
export function CasesScopeChoice({ scope }: { scope: CasesScope }) {
  const t = useT();
  if (!scope.inTeam || !scope.prefix) return null;
  return (
    <SegmentedControl
      aria-label={t('scope.whose')}
      size="xs"
      value={scope.desk ? 'desk' : 'team'}
      onChange={(value) => void chooseCasesScope(value as 'team' | 'desk')}
      data={[
        { value: 'team', label: t('scope.team') },
        { value: 'desk', label: t('scope.desk', { prefix: scope.prefix }) },
      ]}
    />
  );
}
