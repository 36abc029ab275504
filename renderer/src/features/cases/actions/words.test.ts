// The case actions' words (issue #17): shared/casework/catalogue.ts writes them in English; the interface takes them
// by key, so every action, field, description, placeholder and "missing" message has a key, English is shared's own
// words (not a second copy), and French translates them — including the validation messages of the forms.
import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, getAction } from '#shared/casework/catalogue';
import { enGB } from '#lib/i18n/index';
import { describeEditConflicts, type EditConflict, fieldOptions } from '#shared/casework/index';
import { copyOfProcedure, installDeskProcedures, JIVE_CA } from '#shared/rules/index';
import {
  actionText,
  authorityText,
  choiceText,
  editConflictsText,
  editValueText,
  fieldErrors,
  fieldText,
  needsText,
  optionText,
} from './words';
import { en, fr } from '#test/support/translate';

describe('the case actions in the catalogue', () => {
  it('has every action’s and field’s words, in shared’s English and in French', () => {
    const missing: string[] = [];
    const notShared: string[] = [];
    for (const id of CASE_ACTIONS) {
      const spec = getAction(id);
      for (const part of ['label', 'title', 'submitLabel', 'done'] as const) {
        const key = `action.${id}.${part}`;
        if (!(key in enGB)) missing.push(key);
        else if (actionText(en, id, part) !== spec[part]) notShared.push(key);
      }
      for (const f of spec.fields)
        for (const part of ['label', 'description', 'placeholder', 'missing'] as const) {
          if (f[part] === undefined) continue;
          const key = `field.${id}.${f.name}.${part}`;
          if (!(key in enGB)) missing.push(key);
          else if (fieldText(en, id, f, part) !== f[part]) notShared.push(key);
        }
    }
    expect(missing).toEqual([]);
    expect(notShared).toEqual([]);
  });

  it('writes the acknowledgement form in French, its choices and its “missing” messages too', () => {
    const spec = getAction('acknowledge');
    const channel = spec.fields.find((f) => f.name === 'channel')!;
    expect(actionText(fr, 'acknowledge', 'label')).toBe('Accuser réception');
    expect(fieldText(fr, 'acknowledge', channel, 'label')).toBe('Mode de l’accusé de réception');
    expect(optionText(fr, 'acknowledge', channel, 'email', 'Email')).toBe('Courriel');
    expect(fieldErrors(fr, 'acknowledge', spec.fields, { channel: channel.missing, on: 'Something else' })).toEqual({
      channel: 'Choisissez le mode de l’accusé de réception',
      on: 'Something else',
    });
    const direction = getAction('log-contact').fields.find((f) => f.name === 'direction')!;
    expect(optionText(fr, 'log-contact', direction, 'to-customer', 'x')).toBe('Nous avons contacté la personne');
    expect(optionText(en, 'log-contact', direction, 'to-customer', 'x')).toBe('We contacted the customer');
  });
});

describe('the next steps the rules engine writes', () => {
  it('are shown in French, overdue ones too; a procedure’s own stage names stay as written', async () => {
    const { stepLabel } = await import('./NextSteps');
    expect(stepLabel(fr, 'Acknowledge the complaint')).toBe('Accuser réception');
    expect(stepLabel(fr, 'Report back to the CCTS (overdue)')).toBe('Faire rapport à la CPRST (en retard)');
    expect(stepLabel(fr, 'Escalate to Stage 2')).toBe('Passer à l’étape Stage 2');
    expect(stepLabel(en, 'Close the case')).toBe('Close the case');
    // m17b: the engine's words read back from shared/rules/words.ts, wrapped ones too.
    expect(stepLabel(fr, 'Escalate to Stage 2 (overdue)')).toBe('Passer à l’étape Stage 2 (en retard)');
    expect(stepLabel(fr, 'Respond at the Front line stage (overdue)')).toBe(
      'Répondre à l’étape Front line (en retard)',
    );
    expect(stepLabel(fr, 'Send a substantive reply')).toBe('Send a substantive reply');
    expect(stepLabel(fr, 'Call the customer back')).toBe('Call the customer back');
    expect(stepLabel(fr, 'Send the ADR letter (deadlock: at once) (overdue)')).toBe(
      'Envoyer la lettre de recours externe (impasse\u00a0: sans délai) (en retard)',
    );
    expect(stepLabel(en, 'Send the ADR letter (deadlock: at once) (overdue)')).toBe(
      'Send the ADR letter (deadlock: at once) (overdue)',
    );
    // The built-in Canadian procedure's own words, in French at a French desk (explore33-desk #4); as written in English.
    const ack = `${JIVE_CA.acknowledgement!.action!} (overdue)`;
    expect(stepLabel(fr, ack, 'fr-CA')).toBe(
      'Accuser réception de la plainte avec un numéro de suivi et un délai estimatif (en retard)',
    );
    expect(stepLabel(en, ack, 'en-CA')).toBe(ack);
    expect(stepLabel(fr, 'Escalate to Senior manager', 'fr-CA')).toBe('Passer à l’étape Cadre supérieur');
    expect(stepLabel(fr, 'Escalate to Stage 2', 'fr-CA')).toBe('Passer à l’étape Stage 2');
    expect(stepLabel(fr, 'Acknowledge the data-protection complaint')).toBe(
      'Accuser réception (plainte relative aux renseignements personnels)',
    );
  });
});

describe('the case actions’ form checks in French', () => {
  it('says a form check’s message by its code, the field named by its French label', () => {
    const spec = getAction('acknowledge');
    const errors = { on: 'The date cannot be in the future' };
    expect(fieldErrors(fr, 'acknowledge', spec.fields, errors).on).toBe('La date ne peut pas être dans le futur');
    expect(fieldErrors(fr, 'log-contact', getAction('log-contact').fields, { summary: 'Anything else' })).toEqual({
      summary: 'Anything else',
    });
  });
});

// m17b: an edit conflict (a field changed at another window meanwhile) in the interface language.
describe('an edit conflict in the interface language', () => {
  const conflicts: EditConflict[] = [
    { field: 'phone', label: 'Phone', base: '0161 496 0000', theirs: '0207 946 0000', mine: '0113 496 0000' },
    { field: 'largePrint', label: 'Large print letters', base: '', theirs: 'yes', mine: '' },
    { field: 'language', label: 'Letter language', base: '', theirs: 'fr-CA', mine: 'en-GB' },
  ];

  it('says in English what shared/casework/edits.ts says (one home for the words)', () => {
    expect(editConflictsText(en, 'edit-customer', conflicts)).toBe(describeEditConflicts('edit-customer', conflicts));
    expect(editConflictsText(en, 'edit-customer', conflicts.slice(0, 1))).toBe(
      'A change was saved while this form was open: phone was 0161 496 0000 when you opened this, now 0207 946 0000. Keep theirs or use yours for it, then save.',
    );
  });

  // h17: the alert's title ("Changed in another window") is not said again as the first sentence.
  it('does not repeat the alert’s title in its first sentence, in either language', () => {
    for (const t of [en, fr])
      for (const some of [conflicts.slice(0, 1), conflicts]) {
        const title = t('actions.changedMeanwhile');
        const lead = editConflictsText(t, 'edit-customer', some).split(/\s?:/u)[0];
        const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
        const shared = [...words(title)].filter((w) => words(lead).has(w));
        expect({ title, lead, shared }).toEqual({ title, lead, shared: [] });
      }
  });

  it('says it in French: the fields by their French labels, boxes and languages by their French names', () => {
    const text = editConflictsText(fr, 'edit-customer', conflicts);
    expect(text).toMatch(/^Des modifications ont été enregistrées pendant que ce formulaire était ouvert\u00a0: /u);
    expect(text).toContain(
      'le champ «\u00a0téléphone\u00a0» valait 0161 496 0000 à l’ouverture du formulaire et vaut maintenant 0207 946 0000',
    );
    expect(text).toContain('valait Non à l’ouverture du formulaire et vaut maintenant Oui');
    expect(text).toContain('vaut maintenant Français (Canada)');
    expect(text).not.toMatch(/\b(was|when you opened|now|Yes|No|French|Keep theirs)\b/);
    expect(editValueText(fr, 'edit-customer', 'addressLines', '')).toBe('(vide)');
    expect(editValueText(fr, 'edit-customer', 'language', '')).toBe(
      fieldText(
        fr,
        'edit-customer',
        getAction('edit-customer').fields.find((f) => f.name === 'language')!,
        'placeholder',
      ),
    );
  });
});

// explore27 finding 1: a correction of the facts changed in another window asks about it too, in words a person reads.
describe('a correction’s edit conflict', () => {
  const context = {
    record: { providerId: 'first' } as never,
    providers: [
      { id: 'first', name: 'Kijoma UK', calendar: 'england-and-wales' as const },
      { id: 'c0ffee-42', name: 'Jive Canada', calendar: 'canada' as const },
    ],
  };
  const conflicts: EditConflict[] = [
    { field: 'receivedOn', label: 'Date received', base: '2026-11-30', theirs: '2026-11-27', mine: '2026-11-28' },
    { field: 'category', label: 'Category', base: 'pricing', theirs: 'billing', mine: 'sales' },
    { field: 'providerId', label: 'Provider', base: 'first', theirs: 'c0ffee-42', mine: 'first' },
  ];

  it('says dates as dates, categories by name and providers by the desk’s name for them, in either language', () => {
    const text = editConflictsText(en, 'correct-facts', conflicts, context);
    expect(text).toContain('date received was Mon 30 Nov 2026 when you opened this, now Fri 27 Nov 2026');
    expect(text).toContain('category was Pricing when you opened this, now Billing');
    expect(text).toContain('provider was Kijoma UK when you opened this, now Jive Canada');
    expect(text).not.toContain('c0ffee');
    expect(editValueText(fr, 'correct-facts', 'category', 'billing')).toBe('Facturation');
    expect(editConflictsText(fr, 'correct-facts', conflicts, context)).toContain('Jive Canada');
  });

  it('says a retired provider and one not the desk’s in the interface language, as the form lists them', () => {
    const providerId = getAction('correct-facts').fields.find((f) => f.name === 'providerId')!;
    const onRetired = {
      record: { providerId: 'old' } as never,
      providers: [
        ...context.providers,
        { id: 'old', name: 'Old brand', calendar: 'canada' as const, retiredOn: '2026-01-01' },
      ],
    };
    expect(editValueText(en, 'correct-facts', 'providerId', 'old', onRetired)).toBe('Old brand (retired)');
    expect(editValueText(fr, 'correct-facts', 'providerId', 'old', onRetired)).toBe('Old brand (retiré)');
    const elsewhere = { ...context, record: { providerId: 'other-desk' } as never };
    expect(editValueText(en, 'correct-facts', 'providerId', 'other-desk', elsewhere)).toBe(
      'Not one of this desk’s providers',
    );
    expect(editValueText(fr, 'correct-facts', 'providerId', 'other-desk', elsewhere)).toBe(
      'Pas un fournisseur de ce service',
    );
    // The form's list says them the same way.
    expect(fieldOptions(providerId, onRetired).map((o) => choiceText(fr, 'correct-facts', providerId, o))).toEqual([
      'Kijoma UK',
      'Jive Canada',
      'Old brand (retiré)',
    ]);
  });

  it('names a provider and a desk’s own procedure as the form does, the same in the panel and the error’s message', () => {
    const copy = copyOfProcedure(JIVE_CA, new Set());
    installDeskProcedures([copy]);
    try {
      const moved: EditConflict[] = [
        { field: 'providerId', label: 'Provider', base: 'first', theirs: 'c0ffee-42', mine: 'first' },
        { field: 'procedureId', label: 'Procedure', base: 'kijoma', theirs: copy.id, mine: 'kijoma' },
      ];
      const text = editConflictsText(en, 'correct-facts', moved, context);
      expect(text).toContain(
        `procedure was Kijoma Broadband complaints procedure when you opened this, now ${copy.name}`,
      );
      expect(text).not.toContain(copy.id);
      // shared/'s English (EditConflictError's message) says the same.
      expect(describeEditConflicts('correct-facts', moved, context)).toBe(text);
      const french = editConflictsText(fr, 'correct-facts', moved, context);
      expect(french).toContain('Jive Canada');
      expect(french).toContain(copy.name);
      expect(french).not.toMatch(new RegExp(`c0ffee|${copy.id}`));
      expect(editValueText(fr, 'correct-facts', 'procedureId', copy.id)).toBe(copy.name);
    } finally {
      installDeskProcedures([]);
    }
  });
});

describe('a retired procedure in the correction form', () => {
  it('is offered only as the case’s own procedure, marked retired in either language, and still named in a message', () => {
    const procedureId = getAction('correct-facts').fields.find((f) => f.name === 'procedureId')!;
    const copy = copyOfProcedure(JIVE_CA, new Set());
    installDeskProcedures([copy], [copy.id]);
    try {
      const onOther = { record: { procedureId: 'kijoma' } as never, providers: [] };
      const onRetired = { record: { procedureId: copy.id } as never, providers: [] };
      expect(fieldOptions(procedureId, onOther).map((o) => o.value)).not.toContain(copy.id);
      expect(fieldOptions(procedureId, onOther).map((o) => o.value)).toContain('kijoma');
      const listed = fieldOptions(procedureId, onRetired).map((o) => choiceText(fr, 'correct-facts', procedureId, o));
      expect(listed).toContain(`${copy.name} (retirée)`);
      expect(listed).toContain(JIVE_CA.name);
      expect(editValueText(en, 'correct-facts', 'procedureId', copy.id, onRetired)).toBe(`${copy.name} (retired)`);
      // A message about a case that has left it still names it (not its id).
      expect(editValueText(en, 'correct-facts', 'procedureId', copy.id, onOther)).toBe(`${copy.name} (retired)`);
      // Reinstated, it is offered to every case again, by its name alone.
      installDeskProcedures([copy]);
      expect(fieldOptions(procedureId, onOther).find((o) => o.value === copy.id)?.label).toBe(copy.name);
    } finally {
      installDeskProcedures([]);
    }
  });
});

describe('how to write to the customer, and who acts for them', () => {
  it('says the communication needs in the interface language, from the values (not the English a record keeps)', () => {
    const needs = { language: 'fr-CA', largePrint: true, prefersPost: true } as const;
    expect(needsText(en, needs)).toBe('French (Canada), large print, by post');
    expect(needsText(fr, needs)).toBe('Français (Canada), gros caractères, par la poste');
    expect(needsText(fr, {})).toBe('');
  });

  it('says the authority to act by its name in the interface language, with its day and details', () => {
    const authority = { kind: 'power-of-attorney', on: '2026-11-17', details: 'OPG' } as const;
    expect(authorityText(en, authority)).toMatch(/^Power of attorney, .*2026 \(OPG\)$/);
    expect(authorityText(fr, authority)).toMatch(/^Procuration, /);
  });
});
