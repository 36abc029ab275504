// The rules engine's own English for its clocks and next steps (m17b, issue #17): the one home of these words. The
// engine (./evaluate.ts) and the regimes (./regimes.ts) write them into clocks and next actions (the desk's records,
// letters, CSV and calendar files keep that English); the interface's English catalogue takes its `clock.*` and
// `nextSteps.*` messages from here, and reads an engine label back to its key with `clockWordOf`/`nextStepOf`. A
// label a procedure writes itself (a stage's name, a target's action) is not here: it is shown as written.
import { fillTemplate } from '#shared/model/template';

export const CLOCK_LABELS_EN = {
  acknowledgement: 'Acknowledgement',
  adrLetter: 'ADR letter',
  cctsResponse: 'CCTS response',
  finalResponse: 'Final response',
  dataProtectionAcknowledgement: 'Data-protection complaint acknowledgement',
  firstResponse: 'First response ({channel})',
  stageResponse: 'Stage response ({stage})',
  adrReferralWindow: 'ADR referral window',
  cctsObjection: 'Objection to CCTS acceptance',
  cctsNotice: 'Tell the customer about the CCTS',
  summaryResolution: 'Summary resolution',
  deadlockLetter: 'Deadlock / 8-week letter',
  financialOmbudsmanReferralWindow: 'Financial Ombudsman referral window',
  energyOmbudsmanReferralWindow: 'Energy Ombudsman referral window',
} as const;
export type ClockWord = keyof typeof CLOCK_LABELS_EN;

export const NEXT_STEPS_EN = {
  acknowledge: 'Acknowledge the complaint',
  resolved: 'Was the complaint resolved? Record the resolution, or send the ADR letter',
  resume: 'Resume the case when the customer replies',
  close: 'Close the case',
  escalate: 'Escalate to {stage}',
  respondAtStage: 'Respond at the {stage} stage',
  firstResponse: 'Send the first response',
  tellCcts: 'Tell the customer about the CCTS',
  reportCcts: 'Report back to the CCTS',
  sendAdr: 'Send the ADR letter',
  recordAccepted: 'Record the resolution the customer accepted',
  reopenedOpen: 'Resolve the reopened complaint, or escalate it',
  sendFinalResponse: 'Send the final response',
  sendEnergyOmbudsmanLetter: 'Send the letter giving Energy Ombudsman rights',
  acknowledgeDataProtection: 'Acknowledge the data-protection complaint',
  /** Said after a step: "{label} (overdue)". */
  overdue: '{label} (overdue)',
  atOnceOnDeadlock: '{label} (deadlock: at once)',
} as const;
export type NextStepWord = keyof typeof NEXT_STEPS_EN;

/** A clock's label in English, its {placeholders} filled. */
export function clockLabelEn(word: ClockWord, values: Record<string, string> = {}): string {
  return fillTemplate(CLOCK_LABELS_EN[word], (name) => values[name] ?? '');
}

/** A next step's label in English, its {placeholders} filled. */
export function nextStepEn(word: NextStepWord, values: Record<string, string> = {}): string {
  return fillTemplate(NEXT_STEPS_EN[word], (name) => values[name] ?? '');
}

/** A template as a pattern that reads its {placeholders} back from a text the template made. */
function matcher(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name) {
        names.push(name);
        return '(.+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`, 's'), names };
}

function reader<W extends string>(words: Readonly<Record<W, string>>) {
  const all = (Object.keys(words) as W[]).map((word) => ({ word, ...matcher(words[word]) }));
  // Fixed words first (so "Tell the customer about the CCTS" is never read as a template's value), then the words
  // that wrap another ("{label} (overdue)"), then the rest: "Escalate to Stage 2 (overdue)" is an overdue escalation.
  const rank = (m: { names: string[]; word: W }) => (m.names.length === 0 ? 0 : words[m.word].startsWith('{') ? 1 : 2);
  all.sort((a, b) => rank(a) - rank(b));
  return (text: string): { word: W; values: Record<string, string> } | null => {
    for (const m of all) {
      const found = m.pattern.exec(text);
      if (found) return { word: m.word, values: Object.fromEntries(m.names.map((n, i) => [n, found[i + 1]])) };
    }
    return null;
  };
}

/** Which of the engine's clock words a label is, and its values ("First response (email)" → firstResponse). */
export const clockWordOf = reader(CLOCK_LABELS_EN);
/** Which of the engine's next-step words a label is, and its values ("Escalate to Stage 2" → escalate). */
export const nextStepOf = reader(NEXT_STEPS_EN);
