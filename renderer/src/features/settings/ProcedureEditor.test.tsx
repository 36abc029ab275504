// The procedure editor's fields have one home (./procedure-fields.ts): the editor is drawn (React's server renderer,
// no browser) for every built-in procedure's copy, in English and in French, and the fields it draws are exactly the
// list's `shownFields`, in the screen's order, each with the list's label; every box, list and checkbox of the form has
// one of those labels. A field added to the editor but not to the list (whose problems the summary would call "no
// field on this screen") fails here.
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '#shared/model/case';
import type { InterfaceLocale } from '#shared/model/dates';
import {
  BUILT_IN_PROCEDURES,
  copyOfProcedure,
  KIJOMA,
  type Procedure,
  procedureFromForm,
  procedureToForm,
} from '#shared/rules/index';
import { I18nProvider } from '#lib/i18n/index';
import { en, fr } from '#test/support/translate';
import { ProcedureEditor } from './ProcedureEditor';
import { type FieldPath, fieldLabel, shownFields } from './procedure-fields';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#x27': "'",
  '#39': "'",
  nbsp: '\u00a0',
};
const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? m);
const attribute = (attributes: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];

/** The editor as drawn, its form and its preview. */
function drawn(procedure: Procedure, locale: InterfaceLocale): string {
  return renderToStaticMarkup(
    <MantineProvider>
      <I18nProvider locale={locale}>
        <ProcedureEditor
          procedure={procedure}
          inUse={null}
          today="2026-12-03"
          onSave={async () => null}
          onCancel={() => {}}
        />
      </I18nProvider>
    </MantineProvider>,
  );
}

/** The editor's form as drawn: each label's words and the control it names, and every control a person fills in. */
function drawnForm(procedure: Procedure, locale: InterfaceLocale) {
  const html = drawn(procedure, locale);
  // The form only: the preview beside it has a calendar of its own, which is not part of the procedure.
  const form = /<form\b[\s\S]*<\/form>/.exec(html)?.[0] ?? '';
  const labels = [...form.matchAll(/<label\b([^>]*)>([\s\S]*?)<\/label>/g)].map(([, attributes, inner]) => ({
    for: attribute(attributes, 'for'),
    words: text(inner),
  }));
  // Every control with an id (a multi-select's box is type="hidden" once it holds a choice, yet keeps its id); one
  // without is only a list's value carrier, never shown.
  const inputs = [...form.matchAll(/<(?:input|textarea)\b([^>]*)>/g)].map(([, attributes]) => ({
    id: attribute(attributes, 'id'),
    type: attribute(attributes, 'type'),
  }));
  const controls = inputs.flatMap((i) => (i.id ? [i.id] : []));
  const unnamed = inputs.filter((i) => !i.id && i.type !== 'hidden');
  return { labels, controls, unnamed };
}

const copies = BUILT_IN_PROCEDURES.map((p) => copyOfProcedure(p, new Set([p.id])));

/** Kijoma with every channel listed, no acknowledgement target, and a first stage without one either. */
function everyChannel(): Procedure {
  const form = procedureToForm(copyOfProcedure(KIJOMA, new Set(['kijoma'])));
  form.channels = [...CHANNELS];
  form.acknowledgement.on = false;
  form.stages[0].target.on = false;
  return procedureFromForm(form);
}

describe('the procedure editor draws exactly the fields of its one list', () => {
  for (const locale of ['en-GB', 'fr-CA'] as const) {
    const t = locale === 'en-GB' ? en : fr;
    it(`every built-in procedure's copy, and one with every channel and targets off (${locale})`, () => {
      for (const procedure of [...copies, everyChannel()]) {
        const { labels, controls, unnamed } = drawnForm(procedure, locale);
        const listed = [...shownFields(procedureToForm(procedure))] as FieldPath[];
        expect(
          labels.map((l) => l.words),
          procedure.id,
        ).toEqual(listed.map((path) => fieldLabel(t, path)));
        // Label after label, each names the next control, and every control of the form has one: no field is drawn
        // outside the list.
        expect(
          labels.map((l) => l.for),
          procedure.id,
        ).toEqual(controls);
        expect(new Set(controls).size, procedure.id).toBe(controls.length);
        expect(unnamed, procedure.id).toEqual([]);
      }
    });
  }

  it('the list follows the values: a channel’s target while it is listed, a target’s amount while it is set', () => {
    const form = procedureToForm(everyChannel());
    const shown = shownFields(form);
    for (const channel of CHANNELS) expect(shown.has(`firstResponse.byChannel.${channel}.on`), channel).toBe(true);
    expect(shown.has('acknowledgement.on')).toBe(true);
    expect(shown.has('acknowledgement.amount')).toBe(false);
    expect(shown.has('stages.0.target.what')).toBe(false);
    expect(fieldLabel(en, 'firstResponse.byChannel.in-person.unit')).toBe('First response (in person): unit');
    expect(fieldLabel(fr, 'stages.2.external')).toBe(fr('editor.external'));
  });
});

describe('the procedure editor’s preview', () => {
  it('counts on the procedure’s own usual calendar: a Canadian one on Canada’s (explore32-desk #4)', () => {
    const jive = copies.find((p) => p.defaultCalendar === 'canada')!;
    const preview = (p: Procedure) => {
      const html = drawn(p, 'en-GB');
      return html.slice(html.indexOf('</form>'));
    };
    expect(preview(jive)).toContain('value="Canada (federal)"');
    expect(preview(jive)).not.toContain('value="England &amp; Wales"');
    const kijoma = copies.find((p) => p.defaultCalendar === 'england-and-wales')!;
    expect(preview(kijoma)).toContain('value="England &amp; Wales"');
  });
});
