// The case actions' words (issue #17): shared/casework/catalogue.ts writes them in English; the interface takes them
// by key, so every action, field, description, placeholder and "missing" message has a key, English is shared's own
// words (not a second copy), and French translates them — including the validation messages of the forms.
import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, getAction } from '#shared/casework/catalogue';
import { enGB, translate, type MessageKey } from '#lib/i18n/index';
import { actionText, fieldErrors, fieldText, optionText } from './words';

const fr = (key: MessageKey) => translate('fr-CA', key);
const en = (key: MessageKey) => translate('en-GB', key);

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
