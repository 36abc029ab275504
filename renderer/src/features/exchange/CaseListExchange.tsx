// The case list's "Export CSV" (exactly the cases the list shows, in its order) and "Import CSV" buttons.
import { useLocale, useT } from '#lib/i18n/index';
import { Button, Group } from '@mantine/core';
import { memo, useState } from 'react';
import { useLocation } from 'wouter';
import { todayIso } from '#lib/today';
import { useSettings } from '#db/hooks';
import { db, type CaseIndexRow } from '#db/schema';
import { useWorkingPerson } from '#features/people';
import { exportCasesCsv } from './cases-export';
import { runExport } from './ExportsPanel';

/**
 * `rows` gives the cases the list shows when the export is asked for (a getter, so typing in the search box, which
 * changes them at every key, does not redraw these buttons); `empty` says whether it shows none.
 */
export const CaseListExchange = memo(function CaseListExchange({
  rows,
  empty,
  filtered,
}: {
  rows: () => readonly CaseIndexRow[];
  empty: boolean;
  filtered: boolean;
}) {
  const [, navigate] = useLocation();
  const settings = useSettings();
  const person = useWorkingPerson();
  const [busy, setBusy] = useState(false);
  const t = useT();
  const { locale } = useLocale();
  const exportList = async () => {
    setBusy(true);
    const by = person || settings?.handlerName || '';
    await runExport(
      t('exchange.casesExported'),
      () =>
        exportCasesCsv(db(), {
          caseIds: filtered ? rows().map((r) => r.caseId) : undefined,
          today: todayIso(),
          by,
          locale,
        }),
      (n) => t('exchange.cases', { n }),
    );
    setBusy(false);
  };
  return (
    <Group gap="xs">
      <Button
        variant="default"
        onClick={exportList}
        loading={busy}
        disabled={empty}
        title={filtered ? t('exchange.shownCases') : t('exchange.everyCase')}
      >
        {t('exchange.exportCsv')}
      </Button>
      <Button variant="default" onClick={() => navigate('/import')}>
        {t('exchange.importCsv')}
      </Button>
    </Group>
  );
});
