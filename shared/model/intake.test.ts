import { describe, expect, it } from 'vitest';
import {
  emptyIntakeForm,
  parseEmployees,
  postcodesToCheck,
  validateIntake,
  type IntakeForm,
  type IntakeResult,
} from './intake';
import { assertNotOk, assertOk } from '#test/support/assert';

/** Fails the test unless the form was accepted (so what follows always runs). */
function assertAccepted(r: IntakeResult): asserts r is Extract<IntakeResult, { ok: true }> {
  assertOk(r, 'the form should be accepted');
}
/** Fails the test unless the form was refused. */
function assertRefused(
  r: IntakeResult,
  message = 'the form should be refused',
): asserts r is Extract<IntakeResult, { ok: false }> {
  assertNotOk(r, message);
}

const today = '2026-11-21';
const good: IntakeForm = {
  ...emptyIntakeForm(today),
  receivedOn: '2026-11-18',
  channel: 'letter',
  customerName: '  Ada Lovelace ',
  addressLines: '12 St James Square\nLondon\n',
  postcode: 'sw1y 4jh',
  category: 'billing',
  summary: 'Charged twice for October',
};

describe('validateIntake', () => {
  it('accepts a complete letter complaint and tidies it', () => {
    const r = validateIntake(good, today);
    expect(r).toEqual({
      ok: true,
      value: {
        receivedOn: '2026-11-18',
        channel: 'letter',
        customer: { name: 'Ada Lovelace', address: { lines: ['12 St James Square', 'London'], postcode: 'SW1Y 4JH' } },
        category: 'billing',
        summary: 'Charged twice for October',
      },
    });
  });

  it('names every missing required field', () => {
    const r = validateIntake(emptyIntakeForm(today), today);
    expect(r.ok).toBe(false);
    assertRefused(r);
    expect(Object.keys(r.errors).sort()).toEqual(['addressLines', 'category', 'channel', 'customerName', 'summary']);
    expect(r.errors.customerName).toMatch(/name/);
  });

  it.each([
    ['2026-11-22', /future/],
    ['2026-02-30', /real date/],
    ['18/11/2026', /real date/],
    ['not a date', /real date/],
    ['', /Enter the date/],
    ['1999-12-31', /2000 or later/],
  ])('refuses the date received %s', (receivedOn, message) => {
    const r = validateIntake({ ...good, receivedOn }, today);
    expect(r.ok).toBe(false);
    assertRefused(r);
    expect(r.errors.receivedOn).toMatch(message);
  });

  it('accepts today and an earlier date for a letter that arrived by post', () => {
    expect(validateIntake({ ...good, receivedOn: today }, today).ok).toBe(true);
    expect(validateIntake({ ...good, receivedOn: '2026-01-02' }, today).ok).toBe(true);
  });

  it('needs a postal address for a complaint by letter, but a phone is enough for a call', () => {
    const noAddress = { ...good, addressLines: '', postcode: '', phone: '01632 960123' };
    const letter = validateIntake(noAddress, today);
    expect(letter.ok).toBe(false);
    assertRefused(letter);
    expect(letter.errors.addressLines).toMatch(/postal address/);
    expect(validateIntake({ ...noAddress, channel: 'phone' }, today).ok).toBe(true);
  });

  it('checks a representative has a relationship, and a rep address is enough for a letter', () => {
    const r = validateIntake({ ...good, repName: 'Ben Lovelace' }, today);
    expect(r.ok).toBe(false);
    assertRefused(r);
    expect(r.errors.repRelationship).toMatch(/related/);
    const viaRep = validateIntake(
      {
        ...good,
        addressLines: '',
        postcode: '',
        repName: 'Ben Lovelace',
        repRelationship: 'son',
        repAddressLines: '3 Elm Road\nLeeds',
        repPostcode: 'ls2 9jt',
      },
      today,
    );
    expect(viaRep.ok).toBe(true);
    assertAccepted(viaRep);
    expect(viaRep.value.representative).toEqual({
      name: 'Ben Lovelace',
      relationship: 'son',
      address: { lines: ['3 Elm Road', 'Leeds'], postcode: 'LS2 9JT' },
    });
  });

  it('refuses bad email, phone, unknown channel and category, and over-long text', () => {
    const r = validateIntake(
      { ...good, email: 'ada@', phone: 'call me', channel: 'pigeon', category: 'misc', summary: 'x'.repeat(5001) },
      today,
    );
    expect(r.ok).toBe(false);
    assertRefused(r);
    expect(r.errors.email).toMatch(/email/);
    expect(r.errors.phone).toMatch(/phone/);
    expect(r.errors.channel).toMatch(/how the complaint/);
    expect(r.errors.category).toMatch(/category/);
    expect(r.errors.summary).toMatch(/5000/);
  });

  it('treats non-string values as empty instead of crashing', () => {
    const r = validateIntake({ customerName: 42 as unknown as string, receivedOn: null as unknown as string }, today);
    expect(r.ok).toBe(false);
    assertRefused(r);
    expect(r.errors.customerName).toBeDefined();
  });

  it('records how the customer wants to be written to, and refuses an unknown language', () => {
    const r = validateIntake({ ...good, language: 'fr-CA', largePrint: true }, today);
    expect(r.ok).toBe(true);
    assertAccepted(r);
    expect(r.value.communication).toEqual({ language: 'fr-CA', largePrint: true });
    const plain = validateIntake(good, today);
    assertAccepted(plain);
    expect(plain.value.communication).toBeUndefined();
    const bad = validateIntake({ ...good, language: 'de-DE' }, today);
    expect(bad.ok).toBe(false);
    assertRefused(bad);
    expect(bad.errors.language).toMatch(/French/);
    // A non-boolean from a hand-made payload is read as "no".
    const odd = validateIntake({ ...good, largePrint: 'yes' as unknown as boolean }, today);
    assertAccepted(odd);
    expect(odd.value.communication).toBeUndefined();
  });

  it("records a business customer's number of employees", () => {
    const r = validateIntake({ ...good, isBusiness: true, employees: ' 25 ' }, today);
    expect(r.ok).toBe(true);
    assertAccepted(r);
    expect(r.value.customer).toMatchObject({ name: 'Ada Lovelace', isBusiness: true, employees: 25 });
    const thousands = validateIntake({ ...good, isBusiness: true, employees: '1,200' }, today);
    assertAccepted(thousands);
    expect(thousands.value.customer.employees).toBe(1200);
  });

  it('lets the number of employees be left blank when not known yet', () => {
    const r = validateIntake({ ...good, isBusiness: true, employees: '' }, today);
    expect(r.ok).toBe(true);
    assertAccepted(r);
    expect(r.value.customer.isBusiness).toBe(true);
    expect(r.value.customer).not.toHaveProperty('employees');
  });

  it.each([
    ['0', /at least 1/],
    ['-3', /whole number/],
    ['2.5', /whole number/],
    ['ten', /whole number/],
    ['12,34', /whole number/],
    ['99999999', /10,000,000 or fewer/],
  ])('refuses %s employees with a clear message', (employees, message) => {
    const r = validateIntake({ ...good, isBusiness: true, employees }, today);
    expect(r.ok).toBe(false);
    assertRefused(r);
    expect(r.errors.employees).toMatch(message);
    expect(Object.keys(r.errors)).toEqual(['employees']);
  });

  it('ignores a number of employees left in the form when the customer is not a business', () => {
    const r = validateIntake({ ...good, isBusiness: false, employees: 'abc' }, today);
    expect(r.ok).toBe(true);
    assertAccepted(r);
    expect(r.value.customer).not.toHaveProperty('isBusiness');
    expect(r.value.customer).not.toHaveProperty('employees');
    // A non-boolean from a hand-made payload is read as "not a business".
    const odd = validateIntake({ ...good, isBusiness: 'yes' as unknown as boolean, employees: '40' }, today);
    assertAccepted(odd);
    expect(odd.value.customer).not.toHaveProperty('isBusiness');
  });

  it('parseEmployees reads whole numbers and says what is wrong otherwise', () => {
    expect(parseEmployees('')).toEqual({ ok: true, value: undefined });
    expect(parseEmployees('5')).toEqual({ ok: true, value: 5 });
    expect(parseEmployees('1e3').ok).toBe(false);
  });
});

describe('validateIntake: control and invisible characters (model/text.ts)', () => {
  it('refuses NUL, control and text-direction characters in every text field, naming the character and where it is', () => {
    const withRep = {
      ...good,
      repName: 'Tom Lee',
      repRelationship: 'son',
      repAddressLines: '1 Low St\nYork',
      repPostcode: 'YO1 1AA',
      phone: '0113 496 0000',
      accountNumber: 'AC-1',
    };
    const fields = [
      'customerName',
      'addressLines',
      'postcode',
      'accountNumber',
      'repName',
      'repRelationship',
      'repAddressLines',
      'repPostcode',
      'summary',
    ] as const;
    for (const field of fields) {
      for (const [char, name] of [
        ['\u0000', 'U+0000 NULL'],
        ['\u202e', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
        ['\u0085', 'U+0085 NEXT LINE'],
        ['\u2066', 'U+2066 LEFT-TO-RIGHT ISOLATE'],
      ]) {
        const r = validateIntake({ ...withRep, [field]: `${withRep[field].trim()}${char}x` }, today);
        assertRefused(r, `${field} ${name}`);
        expect(r.errors[field], field).toMatch(
          new RegExp(
            `^.+ contains an invisible control character \\(${name.replace('+', '\\+')}\\) after “.+”; remove it$`,
          ),
        );
        expect(Object.keys(r.errors)).toEqual([field]);
      }
    }
    const r = validateIntake({ ...good, customerName: 'Ann\u202eLee' }, today);
    expect(r).toEqual({
      ok: false,
      errors: {
        customerName:
          'Name contains an invisible control character (U+202E RIGHT-TO-LEFT OVERRIDE) after “Ann”; remove it',
      },
      // The message's code and values (m17b): the interface says it in its language.
      problems: {
        customerName: {
          code: 'character-control',
          values: {
            label: 'Name',
            character: 'U+202E RIGHT-TO-LEFT OVERRIDE',
            before: 'Ann',
          },
        },
      },
    });
  });

  it('allows line breaks and tabs in the address and summary only', () => {
    const r = validateIntake({ ...good, addressLines: '1 High St\r\nLeeds', summary: 'First\nSecond\tpart' }, today);
    expect(r.ok).toBe(true);
    const bad = validateIntake({ ...good, customerName: 'Ann\nLee', postcode: 'LS1\t1AA' }, today);
    expect(bad.ok ? {} : bad.errors).toEqual({
      customerName:
        'Name contains a tab or line break (U+000A LINE FEED) after “Ann”, and this field is one line; remove it',
      postcode:
        'Postcode contains a tab or line break (U+0009 CHARACTER TABULATION) after “LS1”, and this field is one line; remove it',
    });
  });
});

describe('validateIntake: each message has a code and values (issue #17)', () => {
  it('gives the problems beside the English, the values the interface needs', () => {
    const r = validateIntake(
      { receivedOn: '2026-13-01', channel: '', customerName: 'A'.repeat(300), phone: 'call me', postcode: 'LS1' },
      '2026-11-18',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.receivedOn).toEqual({ code: 'date-invalid' });
    expect(r.errors.receivedOn).toBe('Enter a real date as YYYY-MM-DD');
    expect(r.problems.channel).toEqual({ code: 'channel-missing' });
    expect(r.problems.customerName).toEqual({ code: 'too-long', values: { label: 'Name', max: 200 } });
    expect(r.errors.customerName).toBe('Name must be at most 200 characters');
    expect(r.problems.phone).toEqual({ code: 'phone-invalid' });
    expect(r.problems.addressLines).toEqual({ code: 'address-for-postcode' });
    expect(r.problems.category).toEqual({ code: 'category-missing' });
    expect(r.problems.summary).toEqual({ code: 'summary-missing' });
    // Every message of this form has its code.
    expect(Object.keys(r.problems).sort()).toEqual(Object.keys(r.errors).sort());
  });

  it('gives the business size its code and the limit as a number', () => {
    const r = validateIntake({ isBusiness: true, employees: '99,999,999' }, '2026-11-18');
    expect(r.ok ? null : r.problems.employees).toEqual({
      code: 'employees-too-many',
      values: { max: { number: 10_000_000 } },
    });
    expect(r.ok ? null : r.errors.employees).toBe('Enter a number of employees of 10,000,000 or fewer');
  });
});

describe('postcodes to check at intake (explore34a #16)', () => {
  it('asks about a postcode of another region or half typed, never about one of the region or none', () => {
    expect(postcodesToCheck({ postcode: 'SW1A 1AA', repPostcode: '' }, 'CA')).toEqual([
      { field: 'postcode', postcode: 'SW1A 1AA' },
    ]);
    expect(postcodesToCheck({ postcode: 'J8Y 3Y1', repPostcode: ' H2J 2L ' }, 'CA')).toEqual([
      { field: 'repPostcode', postcode: 'H2J 2L' },
    ]);
    expect(postcodesToCheck({ postcode: 'ls2 9jt', repPostcode: '' }, 'UK')).toEqual([]);
    expect(postcodesToCheck({ postcode: '', repPostcode: '' }, 'UK')).toEqual([]);
  });
});
