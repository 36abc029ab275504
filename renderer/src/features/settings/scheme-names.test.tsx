// The ADR scheme named in the interface's language in Settings → Procedures and in the procedure editor, as the
// desk's own setting names it (the scheme directory's French name): the CCTS is the CPRST in French.
import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { InterfaceLocale } from '#shared/model/dates';
import { copyOfProcedure, JIVE_CA } from '#shared/rules/index';
import { I18nProvider } from '#lib/i18n/index';
import { ProcedureEditor } from './ProcedureEditor';
import { ProcedureDetails } from './ProceduresView';

const CPRST = 'Commission des plaintes relatives aux services de télécom-télévision (CPRST)';
const CCTS = 'Commission for Complaints for Telecom-television Services (CCTS)';

const drawn = (locale: InterfaceLocale, node: ReactNode) =>
  renderToStaticMarkup(
    <MantineProvider>
      <I18nProvider locale={locale}>{node}</I18nProvider>
    </MantineProvider>,
  );

describe('the CCTS in Settings → Procedures', () => {
  it('the procedure’s details name it in French on a French screen, in English on an English one', () => {
    const details = (locale: InterfaceLocale) => drawn(locale, <ProcedureDetails p={JIVE_CA} today="2026-12-06" />);
    expect(details('fr-CA')).toContain(`organisme de recours externe\u00a0: ${CPRST}`);
    // (A stage's owner is the procedure's own words, shown as written.)
    expect(details('fr-CA')).not.toContain('organisme de recours externe\u00a0: Commission for');
    expect(details('en-GB')).toContain(CCTS);
  });

  it('the procedure editor’s « Organisme de recours externe » shows it in French', () => {
    const editor = (locale: InterfaceLocale) =>
      drawn(
        locale,
        <ProcedureEditor
          procedure={copyOfProcedure(JIVE_CA, new Set([JIVE_CA.id]))}
          inUse={null}
          today="2026-12-06"
          onSave={async () => null}
          onCancel={() => {}}
        />,
      );
    expect(editor('fr-CA')).toContain(`value="${CPRST}"`);
    expect(editor('en-GB')).toContain(`value="${CCTS}"`);
  });
});
