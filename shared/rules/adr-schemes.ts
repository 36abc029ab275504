// The ADR scheme directory (REGULATION.md §1 "ADR schemes"), versioned by date so a letter printed today carries
// today's name and contact details, and an old letter can be reproduced as it was.
//
// Old names resolve to the current scheme: the seeds' "Ombudsman Services: Communications" is the Communications
// Ombudsman. Fields not confirmed by REGULATION.md (or the scheme's own publications) are listed in `unverified` so a
// screen or a letter can flag them for an administrator to check.
import { type DayNumber, toDayNumber } from './dates';
import { RulesError } from './errors';
import type { AdrSchemeDetails, IsoDate, PostalAddressLines } from './types';

/** How a language names a scheme where it differs from the directory's `name` (the CCTS is the CPRST in French). */
export interface AdrSchemeLocalName {
  /** Its full name, which a letter gives once, at its first mention: "Commission des plaintes … (CPRST)". */
  full: string;
  /** In the middle of a sentence, with its article: "la CPRST". */
  inSentence: string;
}

/** By language tag: an exact tag ('fr-CA') or a language ('fr', any French). */
export type AdrSchemeLocalNames = Readonly<Record<string, AdrSchemeLocalName>>;

/** A scheme's details as this directory gives them: with the version's names in other languages, when it has any. */
export type AdrSchemeDetailsWithNames = AdrSchemeDetails & { names?: AdrSchemeLocalNames };

export interface AdrSchemeVersion {
  /** These details apply on and after this day; absent on the first version. */
  effectiveFrom?: IsoDate;
  name: string;
  website: string;
  phone: string;
  textphone?: string;
  email?: string;
  postalAddress?: PostalAddressLines;
  notes: string[];
  unverified?: string[];
  /** The scheme's name in other languages (letters in that language use it); `name` is the English one. */
  names?: AdrSchemeLocalNames;
}

export interface AdrScheme {
  id: string;
  country: 'GB' | 'CA';
  /** Other ids that mean this scheme (old names, slugs used in older data). */
  aliases: string[];
  /** Names the scheme had before (shown on letters as "formerly …"). */
  formerNames: string[];
  /** Other spellings found in providers' documents ("CISAS", "Ombudsman Services"), for findAdrSchemeByName. */
  alsoKnownAs: string[];
  versions: AdrSchemeVersion[];
}

const COMMS_OMBUDSMAN_ADDRESS: PostalAddressLines = { lines: ['PO Box 730', 'Warrington'], postcode: 'WA4 6WU' };

export const BUILT_IN_ADR_SCHEMES: readonly AdrScheme[] = [
  {
    id: 'communications-ombudsman',
    country: 'GB',
    aliases: ['ombudsman-services-communications', 'ombudsman-services', 'os-communications'],
    formerNames: ['Ombudsman Services: Communications'],
    alsoKnownAs: ['Ombudsman Services', 'Ombudsman Services Communications', 'the Telecommunications Ombudsman'],
    versions: [
      {
        name: 'Ombudsman Services: Communications',
        website: 'www.ombudsman-services.org',
        phone: '0330 440 1614',
        textphone: '0330 440 1600',
        postalAddress: COMMS_OMBUDSMAN_ADDRESS,
        notes: [
          'Ofcom-approved ADR scheme for communications providers.',
          'Free for the customer.',
          'Awards up to £10,000.',
        ],
      },
      {
        // Renamed "Communications Ombudsman". REGULATION.md records the rename but not its date; the new name is
        // confirmed in the scheme's own publications during 2024, so 2024-01-01 is used until an administrator
        // records the exact day.
        effectiveFrom: '2024-01-01',
        name: 'Communications Ombudsman',
        website: 'www.commsombudsman.org',
        phone: '0330 440 1614',
        textphone: '0330 440 1600',
        email: 'enquiry@commsombudsman.org',
        postalAddress: COMMS_OMBUDSMAN_ADDRESS,
        notes: [
          'Ofcom-approved ADR scheme for communications providers (formerly Ombudsman Services: Communications).',
          'Independent and free for the customer; a decision binds the provider only if the customer accepts it.',
          'Awards up to £10,000.',
        ],
        unverified: ['effectiveFrom', 'email'],
      },
    ],
  },
  {
    id: 'cisas',
    country: 'GB',
    aliases: ['cedr-cisas'],
    formerNames: [],
    alsoKnownAs: ['CISAS', 'Communications and Internet Services Adjudication Scheme'],
    versions: [
      {
        name: 'CISAS (Communications and Internet Services Adjudication Scheme)',
        website: 'www.cedr.com/consumer/cisas',
        phone: '020 7520 3814',
        email: 'cisas@cedr.com',
        postalAddress: { lines: ['CISAS, CEDR', "100 St Paul's Churchyard", 'London'], postcode: 'EC4M 8BU' },
        notes: [
          'Ofcom-approved ADR scheme run by CEDR.',
          'Independent and free for the customer.',
          'The customer has 30 working days to accept a decision; the provider then carries it out within 20 working days.',
        ],
        unverified: ['postalAddress'],
      },
    ],
  },
  {
    id: 'ccts',
    country: 'CA',
    aliases: ['commission-for-complaints-for-telecom-television-services'],
    formerNames: [],
    alsoKnownAs: ['CCTS', 'Commission for Complaints for Telecom-television Services', 'CPRST'],
    versions: [
      {
        name: 'Commission for Complaints for Telecom-television Services (CCTS)',
        names: {
          fr: {
            full: 'Commission des plaintes relatives aux services de télécom-télévision (CPRST)',
            inSentence: 'la CPRST',
          },
        },
        website: 'www.ccts-cprst.ca',
        phone: '1-888-221-1687',
        notes: [
          'Independent, free for consumers and small businesses.',
          'The customer must first give the provider a fair chance to resolve the complaint.',
          'While a disputed amount is with the CCTS, collection on it stops.',
          'Postal address and TTY number: not yet recorded in the directory; see the website.',
        ],
      },
    ],
  },
  {
    id: 'financial-ombudsman',
    country: 'GB',
    aliases: ['financial-ombudsman-service', 'fos'],
    formerNames: [],
    alsoKnownAs: ['Financial Ombudsman'],
    versions: [
      {
        name: 'Financial Ombudsman Service',
        website: 'www.financial-ombudsman.org.uk',
        phone: '0800 023 4567',
        postalAddress: { lines: ['Exchange Tower', 'London'], postcode: 'E14 9SR' },
        notes: ['Free for the customer.', 'The customer has 6 months from the final response to refer the complaint.'],
        unverified: ['website', 'phone', 'postalAddress'],
      },
    ],
  },
  {
    id: 'energy-ombudsman',
    country: 'GB',
    aliases: ['ombudsman-services-energy'],
    formerNames: ['Ombudsman Services: Energy'],
    alsoKnownAs: [],
    versions: [
      {
        name: 'Energy Ombudsman',
        website: 'www.energyombudsman.org',
        phone: '0330 440 1624',
        postalAddress: { lines: ['PO Box 966', 'Warrington'], postcode: 'WA4 9DF' },
        notes: [
          'Free for the customer.',
          'After 8 weeks or a deadlock letter; the customer has 12 months to refer the complaint.',
        ],
        unverified: ['website', 'phone', 'postalAddress'],
      },
    ],
  },
];

/** Schemes by id and by alias. Treat as immutable. */
export interface AdrDirectory {
  readonly byId: ReadonlyMap<string, AdrScheme>;
  readonly schemes: readonly AdrScheme[];
}

export function createAdrDirectory(schemes: readonly AdrScheme[]): AdrDirectory {
  const byId = new Map<string, AdrScheme>();
  for (const scheme of schemes) {
    for (const key of [scheme.id, ...scheme.aliases]) {
      if (byId.has(key))
        throw new RulesError('invalid-argument', `ADR scheme id or alias "${key}" is used twice.`, 'id');
      byId.set(key, scheme);
    }
    if (scheme.versions.length === 0) {
      throw new RulesError('invalid-argument', `ADR scheme "${scheme.id}" has no versions.`, 'versions');
    }
  }
  return { byId, schemes };
}

export const DEFAULT_ADR_DIRECTORY: AdrDirectory = createAdrDirectory(BUILT_IN_ADR_SCHEMES);

export function hasAdrScheme(id: string, directory: AdrDirectory = DEFAULT_ADR_DIRECTORY): boolean {
  return directory.byId.has(id);
}

function schemeById(id: string, directory: AdrDirectory): AdrScheme {
  const scheme = directory.byId.get(id);
  if (!scheme) {
    throw new RulesError(
      'unknown-adr-scheme',
      `Unknown ADR scheme "${id}"; known schemes: ${directory.schemes.map((s) => s.id).join(', ')}.`,
      'adrSchemeId',
    );
  }
  return scheme;
}

interface CompiledScheme {
  from: DayNumber[];
  details: AdrSchemeDetailsWithNames[];
}

const compiledSchemes = new WeakMap<AdrScheme, CompiledScheme>();

function copyNames(names: AdrSchemeLocalNames): AdrSchemeLocalNames {
  return Object.fromEntries(Object.entries(names).map(([tag, n]) => [tag, { full: n.full, inSentence: n.inSentence }]));
}

function detailsOf(scheme: AdrScheme, v: AdrSchemeVersion): AdrSchemeDetailsWithNames {
  return {
    id: scheme.id,
    name: v.name,
    formerNames: scheme.formerNames.filter((n) => n !== v.name),
    country: scheme.country,
    website: v.website,
    phone: v.phone,
    ...(v.textphone !== undefined ? { textphone: v.textphone } : {}),
    ...(v.email !== undefined ? { email: v.email } : {}),
    ...(v.postalAddress !== undefined
      ? { postalAddress: { lines: [...v.postalAddress.lines], postcode: v.postalAddress.postcode } }
      : {}),
    notes: [...v.notes],
    detailsFrom: v.effectiveFrom ?? null,
    unverified: [...(v.unverified ?? [])],
    ...(v.names !== undefined ? { names: copyNames(v.names) } : {}),
  };
}

/**
 * The scheme's name in `language` (a BCP 47 tag such as 'fr-CA'), from its directory details: the exact tag, else the
 * language ('fr'). Undefined when the directory has none for it (the English `name` then stands).
 */
export function adrSchemeNameIn(
  scheme: { readonly names?: AdrSchemeLocalNames },
  language: string,
): AdrSchemeLocalName | undefined {
  const names = scheme.names;
  if (!names) return undefined;
  return names[language] ?? names[language.split('-')[0]];
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/**
 * The details in force on `day`, as a shared frozen object (the engine's fast path: one object per scheme version).
 * Use getAdrScheme for a copy you may change.
 */
export function adrSchemeOnDay(scheme: AdrScheme, day: DayNumber): Readonly<AdrSchemeDetailsWithNames> {
  let compiled = compiledSchemes.get(scheme);
  if (!compiled) {
    compiled = {
      from: scheme.versions.map((v) =>
        v.effectiveFrom === undefined ? Number.NEGATIVE_INFINITY : toDayNumber(v.effectiveFrom),
      ),
      details: scheme.versions.map((v) => deepFreeze(detailsOf(scheme, v))),
    };
    compiledSchemes.set(scheme, compiled);
  }
  let chosen = 0;
  for (let i = 0; i < compiled.from.length; i++) if (compiled.from[i] <= day) chosen = i;
  return compiled.details[chosen];
}

function copyDetails(d: Readonly<AdrSchemeDetailsWithNames>): AdrSchemeDetailsWithNames {
  return {
    ...d,
    ...(d.names ? { names: copyNames(d.names) } : {}),
    formerNames: [...d.formerNames],
    ...(d.postalAddress
      ? { postalAddress: { lines: [...d.postalAddress.lines], postcode: d.postalAddress.postcode } }
      : {}),
    notes: [...d.notes],
    unverified: [...d.unverified],
  };
}

/**
 * The scheme's name and contact details as they stand on `onDate`. `id` may be an alias (an old name's slug):
 * `getAdrScheme('ombudsman-services-communications', '2026-05-01').name === 'Communications Ombudsman'`.
 */
export function getAdrScheme(
  id: string,
  onDate: IsoDate,
  directory: AdrDirectory = DEFAULT_ADR_DIRECTORY,
): AdrSchemeDetailsWithNames {
  return copyDetails(adrSchemeOnDay(schemeById(id, directory), toDayNumber(onDate, 'onDate')));
}

function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Find a scheme by any name it has had (as written in a provider's document), with the details in force on
 * `onDate`: "Ombudsman Services: Communications" → the Communications Ombudsman today. Null when unknown.
 */
export function findAdrSchemeByName(
  name: string,
  onDate: IsoDate,
  directory: AdrDirectory = DEFAULT_ADR_DIRECTORY,
): AdrSchemeDetailsWithNames | null {
  const wanted = normaliseName(name);
  const day = toDayNumber(onDate, 'onDate');
  for (const scheme of directory.schemes) {
    const names = [
      ...scheme.formerNames,
      ...scheme.alsoKnownAs,
      ...scheme.versions.map((v) => v.name),
      scheme.id.replace(/-/g, ' '),
    ];
    if (names.some((n) => normaliseName(n) === wanted)) return copyDetails(adrSchemeOnDay(scheme, day));
  }
  return null;
}

export function listAdrSchemes(
  onDate: IsoDate,
  directory: AdrDirectory = DEFAULT_ADR_DIRECTORY,
): AdrSchemeDetailsWithNames[] {
  const day = toDayNumber(onDate, 'onDate');
  return directory.schemes.map((s) => copyDetails(adrSchemeOnDay(s, day)));
}
