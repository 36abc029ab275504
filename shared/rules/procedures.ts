// The built-in procedures: the five providers' own procedures from ../shared/seeds (ids kijoma, miso, kinex, jive-ca,
// infinity) and an Ofcom baseline. The providers' own targets come from their documents (quoted in `basis`); the
// regulatory figures in those documents (8 weeks, 6 or 9 months, old scheme names) are NOT copied: the regime and the
// ADR scheme directory supply the rules in force, and `notes` records what was superseded.
import {
  createProcedureRegistry,
  firstStage,
  type Procedure,
  procedureOnDay,
  type ProcedureRegistry,
  type ProcedureStage,
  procedureVersions,
  withProcedures,
} from './procedure';
import { RulesError } from './errors';
import { DEFAULT_REGIMES, regimeMayHave, type RegimeRegistry } from './regimes';

function adrStage(schemeName: string): ProcedureStage {
  return {
    id: 'adr',
    name: `Independent review (${schemeName})`,
    owner: schemeName,
    description:
      `After the ADR letter (time-based or on deadlock) the customer may take the complaint to ${schemeName}, ` +
      'an independent scheme that is free for the customer.',
    escalateWhen: [],
    external: true,
    enteredBy: ['referred-to-adr'],
  };
}

const OFCOM_SUPERSEDED_8_WEEKS =
  'The document gives 8 weeks before the customer may go to ADR. Ofcom GC C4 now sets the ADR letter at 6 weeks ' +
  'for complaints first made on or after 2026-04-08 (8 weeks before), and at once on deadlock; the regime supplies ' +
  'these clocks.';

const RENAMED_SCHEME =
  'The document names "Ombudsman Services: Communications"; the scheme is now the Communications Ombudsman ' +
  '(the ADR scheme directory gives the current name and contact details).';

export const KIJOMA: Procedure = {
  id: 'kijoma',
  version: 1,
  name: 'Kijoma Broadband complaints procedure',
  provider: { name: 'Kijoma Broadband', country: 'GB' },
  source: 'Kijoma Broadband, Complaints Code of Practice (seeds/000)',
  defaultCalendar: 'england-and-wales',
  regimeId: 'ofcom-gc-c4',
  adrSchemeId: 'cisas',
  channels: ['phone', 'web', 'email', 'letter'],
  firstResponse: {
    default: {
      amount: 5,
      unit: 'working-days',
      what: 'a substantive reply',
      action: 'Send a substantive reply',
      basis: 'We aim to provide a substantive reply to all complaints received within 5 working days.',
    },
  },
  stages: [
    {
      id: 'customer-services',
      name: 'Customer services',
      owner: 'Customer services team',
      description:
        'Step One: the customer services team looks into the complaint and gives a substantive response in the ' +
        'most appropriate way, and tells the customer if the resolution will take longer than 5 working days.',
      target: {
        amount: 5,
        unit: 'working-days',
        what: 'a substantive response',
        action: 'Send a substantive response',
        basis: 'look to provide a substantive response, in the most appropriate way, within 5 working days',
      },
      escalateWhen: ['customer-request', 'unresolved'],
    },
    {
      id: 'management-review',
      name: 'Management review',
      owner: 'A manager at an appropriate level within the company',
      description:
        'Step Two: the complaint is escalated (or the customer asks for a manager). If it cannot be settled the ' +
        'provider explains its final position (deadlock) and sends the ADR letter at once.',
      escalateWhen: ['unresolved'],
    },
    adrStage('CISAS'),
  ],
  notes: [
    OFCOM_SUPERSEDED_8_WEEKS,
    'The document speaks of a "deadlock letter" sent "in some cases"; since October 2018 the ADR letter replaces it ' +
      'and is sent at once on deadlock, without the customer having to ask.',
  ],
  wording: {
    escalation: {
      en:
        'If you are not happy with our reply, you can ask for your complaint to go to a manager at an appropriate ' +
        'level within the company. Just contact us.',
    },
  },
};

export const MISO: Procedure = {
  id: 'miso',
  version: 1,
  name: 'Miso Communications complaints procedure',
  provider: { name: 'Miso Communications Limited', country: 'GB' },
  source: 'Miso Communications Limited, Complaints Procedure, issue date 27 July 2012 (seeds/001)',
  defaultCalendar: 'england-and-wales',
  regimeId: 'ofcom-gc-c4',
  adrSchemeId: 'communications-ombudsman',
  channels: ['phone', 'email'],
  acknowledgement: {
    amount: 0,
    unit: 'days',
    what: 'a complaint reference number',
    action: 'Acknowledge the complaint and give the customer a complaint reference number',
    basis: 'Complaint Initiation: … We shall also issue you with a Complaint Reference Number.',
  },
  firstResponse: {},
  stages: [
    {
      id: 'resolution-attempt-1',
      name: 'Complaint initiation and resolution attempt 1',
      owner: 'Customer service',
      description:
        'Steps 1 and 2, both when the complaint is raised: gather the facts, issue a complaint reference number, ' +
        'and agree remedial action where practical; close the complaint once the customer is satisfied.',
      escalateWhen: ['unresolved'],
    },
    {
      id: 'resolution-attempt-2',
      name: 'Resolution attempt 2 (detailed review)',
      owner: 'Customer service (detailed review)',
      description:
        'For issues that cannot be dealt with at once: a detailed review leading to a proposal for remedial action, ' +
        'discussed with the customer and implemented if agreed.',
      escalateWhen: ['unresolved'],
    },
    {
      id: 'resolution-attempt-3',
      name: 'Resolution attempt 3 (director-level review)',
      owner: 'Director',
      description: 'A director-level review leading to the final proposal for remedial action.',
      escalateWhen: ['unresolved'],
    },
    {
      id: 'deadlock',
      name: 'Deadlock',
      owner: 'Director',
      description:
        'The provider confirms there is nothing more it can do. The "deadlock letter" of the document is now the ' +
        'ADR letter, sent at once.',
      escalateWhen: [],
      enteredBy: ['escalated', 'deadlock'],
    },
    adrStage('Communications Ombudsman'),
  ],
  notes: [
    "The document's five steps are Complaint Initiation, Resolution Attempts 1-3 and Deadlock. Initiation and " +
      'attempt 1 both happen when the complaint is raised, so they are one stage here.',
    'The document sets no time targets of its own beyond issuing a reference number at initiation.',
    RENAMED_SCHEME,
    'The Ofcom telephone number in the document (0845 456 3000) is out of date and is not used.',
  ],
  wording: {
    escalation: {
      en:
        'If we cannot put things right at once, we will review your complaint in detail, and then a director will ' +
        'review it. Just contact us at any stage.',
    },
  },
};

export const KINEX: Procedure = {
  id: 'kinex',
  version: 1,
  name: 'kinex communications complaints procedure',
  provider: { name: 'kinex', country: 'GB' },
  source: 'kinex, Communications Complaints Procedure (5 stages) (seeds/002)',
  defaultCalendar: 'england-and-wales',
  regimeId: 'ofcom-gc-c4',
  adrSchemeId: 'communications-ombudsman',
  channels: ['phone', 'email', 'letter'],
  firstResponse: {},
  stages: [
    {
      id: 'customer-service',
      name: 'Customer service',
      owner: 'Customer service department',
      description: 'Stage 1: customer service makes all reasonable endeavours to resolve the complaint.',
      escalateWhen: ['customer-request'],
    },
    {
      id: 'escalation-team',
      name: 'Escalation team',
      owner: 'The Escalation Team',
      description: "Stage 2: at the customer's request the complaint is escalated to the escalation team.",
      escalateWhen: ['unresolved'],
    },
    {
      id: 'customer-resolution',
      name: 'Customer resolution',
      owner: 'Customer Resolution department',
      description:
        'Stage 3: an unresolved complaint is transferred to the Customer Resolution department, which investigates ' +
        'in detail and sends a formal written response.',
      target: {
        amount: 28,
        unit: 'days',
        what: 'a formal written response',
        action: 'Send the formal written response',
        basis:
          'provide a formal written response to the customer within 28 days of the complaint being transferred to ' +
          'the Customer Resolution department',
      },
      escalateWhen: ['customer-request'],
    },
    {
      id: 'resolution-manager',
      name: 'Customer resolution manager review',
      owner: 'Customer Resolution Manager',
      description: 'Stage 4: if the customer is unhappy with the outcome, the Customer Resolution Manager reviews it.',
      escalateWhen: ['unresolved'],
    },
    adrStage('Communications Ombudsman'),
  ],
  notes: [
    OFCOM_SUPERSEDED_8_WEEKS,
    RENAMED_SCHEME,
    'The fax number and the references to General Conditions 22 and 23 in the document are out of date and are not used.',
  ],
  wording: {
    escalation: {
      en:
        'You can ask for your complaint to go to our Escalation Team. If it is still not resolved, our Customer ' +
        'Resolution department will look into it in detail, and then our Customer Resolution Manager can review it.',
    },
  },
};

export const JIVE_CA: Procedure = {
  id: 'jive-ca',
  version: 1,
  name: 'Jive Canada complaint handling code',
  provider: { name: 'Jive Communications (GoTo), Canada', country: 'CA' },
  source:
    'Jive - Canada, "Gedragscode voor klachtenafhandeling" (complaint handling code; the stored copy is in Dutch, ' +
    'quotes below are translated) (seeds/003)',
  defaultCalendar: 'canada',
  regimeId: 'ccts',
  adrSchemeId: 'ccts',
  channels: ['web', 'phone', 'letter', 'chat'],
  acknowledgement: {
    amount: 0,
    unit: 'days',
    what: 'an acknowledgement with a tracking number, the investigation steps and an estimated time frame',
    action: 'Acknowledge the complaint with a tracking number and an estimated time frame',
    basis:
      'Complaints will be acknowledged immediately: we give you a tracking number, tell you how the complaint will ' +
      'be investigated and roughly when we aim to finish.',
  },
  firstResponse: {},
  stages: [
    {
      id: 'customer-support',
      name: 'Customer support',
      owner: 'Customer Support',
      description:
        'Support advisers verify identity and try to solve the problem as quickly as possible (during the call or ' +
        'chat where they can), keep in touch and report the outcome promptly.',
      escalateWhen: ['customer-request'],
    },
    {
      id: 'senior-manager',
      name: 'Senior manager',
      owner: 'A senior manager',
      description:
        "At the customer's request (in writing, by phone or on the support case) a senior manager takes the complaint.",
      escalateWhen: ['customer-request'],
    },
    {
      id: 'head-of-support',
      name: 'Head of support',
      owner: 'The head of the support team',
      description: 'The head of the support team takes the complaint (second level of escalation).',
      escalateWhen: ['unresolved'],
    },
    {
      id: 'ccts',
      name: 'With the CCTS',
      owner: 'Commission for Complaints for Telecom-television Services (CCTS)',
      description:
        'The CCTS has accepted the complaint and referred it to the provider, which must report back within the ' +
        'CCTS time limit. Collection of a disputed amount stops meanwhile.',
      escalateWhen: [],
      external: true,
      enteredBy: ['ccts-referral'],
    },
  ],
  notes: [
    'The document allows escalation "to a senior manager and/or the head of the support team"; they are two stages ' +
      'here so the CCTS second-level notice can be tracked.',
    'The document sets no time targets of its own beyond acknowledging at once.',
  ],
  wording: {
    escalation: {
      en:
        'You can ask, in writing, by phone or on your support case, for your complaint to go to our senior manager, ' +
        'then to the head of our support team.',
      fr:
        'Vous pouvez demander, par écrit, par téléphone ou dans votre dossier d’assistance, que votre plainte soit ' +
        'confiée à notre cadre supérieur, puis au responsable de notre équipe d’assistance.',
    },
  },
};

export const INFINITY: Procedure = {
  id: 'infinity',
  version: 1,
  name: 'Infinity Group customer complaints code',
  provider: { name: 'Infinity Group (Infinity Technology Solutions Limited)', country: 'GB' },
  source: 'Infinity Group, Customer Complaints Code, correct as at February 2016 (seeds/004)',
  defaultCalendar: 'england-and-wales',
  regimeId: 'ofcom-gc-c4',
  adrSchemeId: 'communications-ombudsman',
  channels: ['phone', 'letter', 'email'],
  firstResponse: {
    byChannel: {
      letter: {
        amount: 10,
        unit: 'working-days',
        what: 'a reply to the letter',
        action: 'Reply to the letter',
        basis: 'We will normally respond to a letter within ten working days',
      },
      email: {
        amount: 5,
        unit: 'working-days',
        what: 'a reply to the email',
        action: 'Reply to the email',
        basis: 'an email within five working days',
      },
      phone: {
        amount: 5,
        unit: 'working-days',
        what: 'a call-back',
        action: 'Call the customer back',
        basis:
          "if we can't sort out your complaint when you telephone us, we will call you back within five working days",
      },
    },
  },
  stages: [
    {
      id: 'customer-service',
      name: 'Customer service',
      owner: 'Customer Service Team or Account Manager',
      description:
        'Advisers try to resolve the problem while the customer is on the line; otherwise they agree a course of ' +
        "action and reply within the channel's target.",
      escalateWhen: ['customer-request', 'unresolved'],
    },
    {
      id: 'operations-director',
      name: 'Operations Director',
      owner: 'Operations Director',
      description:
        "If the complaint is not resolved to the customer's satisfaction it can be taken to the Operations Director.",
      escalateWhen: ['customer-request', 'unresolved'],
    },
    {
      id: 'managing-director',
      name: 'Managing Director',
      owner: 'Managing Director',
      description: 'Ultimately the Managing Director; if the problem cannot be resolved the provider writes to say so.',
      escalateWhen: ['unresolved'],
    },
    adrStage('Communications Ombudsman'),
  ],
  notes: [
    OFCOM_SUPERSEDED_8_WEEKS,
    "The document gives the customer 6 months from the provider's letter (9 months without one) to go to the " +
      'scheme; today the customer has 12 months from the ADR letter, and no limit applies without a letter.',
    RENAMED_SCHEME,
    "The document's exclusions (pricing complaints; businesses with more than 10 employees) are the regime's scope " +
      'rules and raise warnings on a case.',
  ],
  wording: {
    escalation: {
      en:
        'If we have not resolved your complaint to your satisfaction, you can take it to our Operations Director, ' +
        'and ultimately to our Managing Director.',
    },
  },
};

export const OFCOM_BASELINE: Procedure = {
  id: 'ofcom',
  version: 1,
  name: 'Ofcom baseline procedure',
  provider: { name: 'Any UK communications provider (Ofcom minimum)', country: 'GB' },
  source: 'REGULATION.md §1: Ofcom General Condition C4, the minimum every UK communications provider must meet',
  defaultCalendar: 'england-and-wales',
  regimeId: 'ofcom-gc-c4',
  adrSchemeId: 'communications-ombudsman',
  channels: ['phone', 'email', 'web', 'letter', 'in-person', 'chat'],
  firstResponse: {},
  stages: [
    {
      id: 'front-line',
      name: 'Front line',
      owner: 'Customer service',
      description: 'The complaint is received, acknowledged and worked on by the front-line team.',
      escalateWhen: ['customer-request', 'unresolved'],
    },
    {
      id: 'complaints-team',
      name: 'Complaints team',
      owner: 'Complaints team or manager',
      description:
        'The complaint is reviewed; if it cannot be resolved the provider gives its final position (deadlock) and ' +
        'sends the ADR letter at once.',
      escalateWhen: ['unresolved'],
    },
    adrStage('Communications Ombudsman'),
  ],
  notes: [
    "Sets no provider targets: only the regulatory clocks apply. Clone it and set the provider's own targets and " +
      'its ADR scheme (Communications Ombudsman or CISAS).',
  ],
};

export const BUILT_IN_PROCEDURES: readonly Procedure[] = [KIJOMA, MISO, KINEX, JIVE_CA, INFINITY, OFCOM_BASELINE];

export const DEFAULT_PROCEDURES: ProcedureRegistry = createProcedureRegistry(BUILT_IN_PROCEDURES);

/** The ids of the built-in procedures: read-only, a desk copies them to edit. */
export const BUILT_IN_PROCEDURE_IDS: ReadonlySet<string> = new Set(BUILT_IN_PROCEDURES.map((p) => p.id));

let deskRegistry: ProcedureRegistry = DEFAULT_PROCEDURES;

/**
 * The procedures this desk knows: the built-in ones and the desk's own (copies and their versions, issue #16). The one
 * piece of state of the rules: the app installs its stored procedures at start and after every change
 * (renderer/src/db/repositories/procedures.ts), so every evaluation, letter and report that does not pass its own
 * registry reads the desk's. Tests pass a registry instead.
 */
export function deskProcedures(): ProcedureRegistry {
  return deskRegistry;
}

/** The desk's own procedures it retired: kept, every version, for the cases that follow them; offered for no new work. */
let deskRetired: ReadonlySet<string> = new Set();

/**
 * Make `procedures` (the desk's own, every version) the desk's, beside the built-in ones, and `retired` the ids of
 * those it retired (a built-in procedure is never retired: ignored). A built-in id is refused: the built-in procedures
 * stay read-only. Throws (and installs nothing) when one fails the procedure schema.
 */
export function installDeskProcedures(
  procedures: readonly unknown[],
  retired: readonly string[] = [],
): ProcedureRegistry {
  for (const p of procedures) {
    const id = (p as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && BUILT_IN_PROCEDURE_IDS.has(id))
      throw new RulesError('invalid-procedure', `"${id}" is a built-in procedure; copy it to edit it.`, 'id');
  }
  deskRegistry = procedures.length ? withProcedures(DEFAULT_PROCEDURES, procedures) : DEFAULT_PROCEDURES;
  deskRetired = new Set(retired.filter((id) => !BUILT_IN_PROCEDURE_IDS.has(id) && deskRegistry.byId.has(id)));
  return deskRegistry;
}

/** Whether the desk retired this procedure (`installDeskProcedures`): its cases keep it; no new work is put under it. */
export const isProcedureRetired = (id: string): boolean => deskRetired.has(id);

/**
 * The procedures offered where one is chosen for new work (a provider's, the desk's default, a case's correction): every
 * one the desk knows but those it retired, with `keep` (the choice already made: a case's or a provider's own) even
 * when it is retired, so a choice never silently changes. In `listProcedures`' order.
 */
export function procedureChoices(keep?: string): Procedure[] {
  return listProcedures().filter((p) => !deskRetired.has(p.id) || p.id === keep);
}

/** A procedure's newest version by id (from `registry`, default the desk's); a clear error for an unknown id. */
export function getProcedure(id: string, registry: ProcedureRegistry = deskRegistry): Procedure {
  const procedure = registry.byId.get(id);
  if (!procedure) {
    throw new RulesError(
      'unknown-procedure',
      `Unknown procedure "${id}"; known procedures: ${[...registry.byId.keys()].join(', ')}.`,
      'procedureId',
    );
  }
  return procedure;
}

/** A procedure's name by id (its newest version's, from `registry`, default the desk's); undefined when unknown. */
export function procedureName(id: string, registry: ProcedureRegistry = deskRegistry): string | undefined {
  return registry.byId.get(id)?.name;
}

/**
 * The version of its procedure a case follows: the one in force on the day it was received (`procedureOnDay`); a
 * clear error for an unknown procedure.
 */
export function procedureForCase(
  record: { procedureId: string; receivedOn: string },
  registry: ProcedureRegistry = deskRegistry,
): Procedure {
  getProcedure(record.procedureId, registry);
  return procedureOnDay(record.procedureId, record.receivedOn, registry)!;
}

/** The same, or null for a procedure this desk does not know (a screen or letter then says the case as stored). */
export function procedureForCaseOrNull(
  record: { procedureId: string; receivedOn: string },
  registry: ProcedureRegistry = deskRegistry,
): Procedure | null {
  try {
    return procedureForCase(record, registry);
  } catch {
    return null;
  }
}

/**
 * The stage a new case's record is stored with: the first stage of the version of its procedure in force on the day
 * it was received (`firstStage`), the one its page, index and reports read from its timeline; '' for a procedure this
 * desk does not know (nothing can read the case then; `recordedStageId` reads it as the first stage once one can).
 */
export function newCaseStageId(
  record: { procedureId: string; receivedOn: string },
  registry: ProcedureRegistry = deskRegistry,
): string {
  const procedure = procedureOnDay(record.procedureId, record.receivedOn, registry);
  return procedure ? firstStage(procedure).id : '';
}

export function listProcedures(registry: ProcedureRegistry = deskRegistry): Procedure[] {
  return [...registry.byId.values()];
}

/**
 * What cases following these procedures can ever have, over every version of each and every version of its regime
 * (`regimeMayHave`): ADR letters to send, referral windows counted from one. A desk whose providers all follow the
 * CCTS has neither. An unknown procedure or regime counts as having both: nothing is hidden on a guess.
 */
export function proceduresMayHave(
  procedureIds: readonly string[],
  registry: ProcedureRegistry = deskRegistry,
  regimes: RegimeRegistry = DEFAULT_REGIMES,
): { adrLetters: boolean; referralWindow: boolean } {
  const may = { adrLetters: false, referralWindow: false };
  for (const id of new Set(procedureIds)) {
    const versions = procedureVersions(id, registry);
    if (versions.length === 0) return { adrLetters: true, referralWindow: true };
    for (const version of versions) {
      const regime = regimes.byId.get(version.regimeId);
      const has = regime ? regimeMayHave(regime) : { adrLetters: true, referralWindow: true };
      may.adrLetters ||= has.adrLetters;
      may.referralWindow ||= has.referralWindow;
    }
  }
  return may;
}
