// Issue #16 (G7): in the procedure editor every problem is named in the summary, by its field's label when the screen
// shows that field (the problem also sits next to it), else by what it is about, saying there is no field for it;
// in English and in French, with nothing left in English.
import { describe, expect, it } from 'vitest';
import { checkProcedureForm, copyOfProcedure, DEFAULT_PROCEDURES, KIJOMA, procedureToForm } from '#shared/rules/index';
import { procedureIssueIn } from '#lib/i18n/index';
import { en, fr } from '#test/support/translate';
import { fieldNameIn, problemSummary, shownFields } from './procedure-fields';

const kijoma = () => procedureToForm(copyOfProcedure(KIJOMA, new Set(['kijoma'])));

describe('the procedure editor’s fields', () => {
  it('shows each field the editor draws: a target’s amount only while it is set, a channel’s only while listed', () => {
    const form = kijoma();
    const shown = shownFields(form);
    for (const field of ['name', 'effectiveFrom', 'adrSchemeId', 'channels', 'notes', 'wording.escalation.fr'])
      expect(shown.has(field), field).toBe(true);
    // Kijoma: a first response for every channel (on), stage 1 with a target, stage 2 without one.
    expect(shown.has('firstResponse.default.amount')).toBe(true);
    expect(shown.has('stages.0.target.what')).toBe(true);
    // A target's next step (its wording on the case page), so a desk can word it in its own language (explore27 §5).
    expect(shown.has('stages.0.target.action')).toBe(true);
    expect(shown.has('stages.1.target.action')).toBe(false);
    expect(shown.has('stages.1.target.on')).toBe(true);
    expect(shown.has('stages.1.target.amount')).toBe(false);
    expect(shown.has('stages.2.owner')).toBe(true);
    expect(shown.has('firstResponse.byChannel.letter.on')).toBe(true);
    expect(shown.has('firstResponse.byChannel.chat.on')).toBe(false);
    // No field: the id, the version, the provider, the source, a stage's id, a target's quoted words.
    for (const field of ['id', 'version', 'provider.name', 'source', 'stages.0.id', 'stages.0.target.basis'])
      expect(shown.has(field), field).toBe(false);
    form.channels = form.channels.filter((c) => c !== 'letter');
    expect(shownFields(form).has('firstResponse.byChannel.letter.on')).toBe(false);
  });

  it('names a field as its label on the screen says it, or what a problem with no field is about', () => {
    const form = kijoma();
    expect(fieldNameIn(en, 'stages.1.owner', form)).toBe('Stage 2: owner');
    expect(fieldNameIn(fr, 'stages.1.owner', form)).toBe('Étape 2\u00a0: responsable');
    expect(fieldNameIn(en, 'stages.0.target.amount', form)).toBe('Stage 1 target: amount');
    expect(fieldNameIn(en, 'firstResponse.byChannel.letter.what', form)).toBe('First response (letter): what is due');
    expect(fieldNameIn(en, 'acknowledgement.action', form)).toBe('Acknowledgement: next step (wording)');
    expect(fieldNameIn(fr, 'acknowledgement.action', form)).toBe(
      'Accusé de réception\u00a0: prochaine étape (libellé)',
    );
    expect(fieldNameIn(fr, 'acknowledgement.basis', form)).toBe(
      'Accusé de réception\u00a0: les mots mêmes du fournisseur',
    );
    expect(fieldNameIn(en, 'id', form)).toBe('The procedure’s id (kijoma-copy)');
    expect(fieldNameIn(fr, 'id', form)).toBe('L’identifiant de la procédure (kijoma-copy)');
    expect(fieldNameIn(en, 'stages.0.id', form)).toBe('Stage 1: its id (customer-services)');
    expect(fieldNameIn(en, 'provider.name', form)).toBe('The provider’s name');
    expect(fieldNameIn(en, 'version', form)).toBe('The version number');
    expect(fieldNameIn(en, 'wording.escalation.en', form)).toBe('How to escalate (English)');
    expect(fieldNameIn(en, 'effectiveFrom', form)).toBe('Takes effect on');
    expect(fieldNameIn(en, 'something.new', form)).toBe('Part of the procedure (something.new)');
  });

  it('a form whose problems have no field says each one in the summary, with what it is about, in French', () => {
    // A procedure as no editor field could make it (a file, an older desk): its id, its provider and a stage's id are
    // wrong; the stage's name is empty too (that one has a field).
    const form = procedureToForm(copyOfProcedure(DEFAULT_PROCEDURES.byId.get('miso')!, new Set()));
    form.id = 'Copie Miso';
    form.provider = { ...form.provider, name: ' ' };
    form.stages[1].id = 'Étape 2';
    form.stages[1].name = '';
    const checked = checkProcedureForm(form);
    if (checked.ok) throw new Error('the form is wrong on purpose');
    const summaryIn = (t: typeof en) =>
      problemSummary(
        t,
        Object.fromEntries(Object.entries(checked.issueByField).map(([f, i]) => [f, procedureIssueIn(t, i)])),
        form,
      );
    const french = summaryIn(fr);
    expect(french).toHaveLength(Object.keys(checked.issueByField).length);
    expect(french).toContain('Étape 2\u00a0: nom\u00a0: ne doit pas être vide');
    expect(
      french.find((l) => l.startsWith('L’identifiant de la procédure (Copie Miso) (aucun champ à l’écran)\u00a0: ')),
    ).toBeTruthy();
    expect(french).toContain('Le nom du fournisseur (aucun champ à l’écran)\u00a0: ne doit pas être vide');
    expect(
      french.find((l) => l.startsWith('Étape 2\u00a0: son identifiant (Étape 2) (aucun champ à l’écran)')),
    ).toBeTruthy();
    expect(french.filter((l) => /\b(must|not|empty|the|stage|field|screen)\b/i.test(l))).toEqual([]);

    const english = summaryIn(en);
    expect(english).toHaveLength(french.length);
    expect(english).toContain('Stage 2: name: must not be empty');
    expect(english).toContain('The provider’s name (no field on this screen): must not be empty');
    expect(english.find((l) => l.startsWith('Stage 2: its id (Étape 2) (no field on this screen): '))).toBeTruthy();
  });
});
