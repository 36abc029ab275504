// Benchmark: evaluate 100,000 realistic cases with the rules engine (issue #3 target: under 1 second).
// Run: npx tsx test/bench/rules.bench.ts   → prints one JSON line.
// The cases are generated from a fixed seed, so every run evaluates the same cases. `ms` is the first ("cold") pass:
// it includes computing each calendar's holiday sets on first use and the JIT warming up; `warmMs` is a second pass.
import {
  addCalendarDays,
  type CalendarId,
  type CaseFacts,
  evaluateCase,
  listProcedures,
  type Procedure,
  type RuleEvent,
} from '#shared/rules/index';

const CASES = Number(process.env.CASES ?? 100_000);
const UK_CALENDARS: CalendarId[] = [
  'england-and-wales',
  'england-and-wales',
  'england-and-wales',
  'scotland',
  'northern-ireland',
];
const CATEGORIES = ['sales', 'billing', 'fault-repair', 'service', 'pricing', 'other'] as const;

// Small deterministic PRNG (mulberry32).
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20260408);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const chance = (p: number) => random() < p;

function makeCase(procedures: Procedure[]): { facts: CaseFacts; today: string } {
  const p = pick(procedures);
  const canadian = p.provider.country === 'CA';
  const receivedOn = addCalendarDays('2025-01-01', int(0, 900));
  const ageDays = int(0, 150);
  const today = addCalendarDays(receivedOn, ageDays);
  const events: RuleEvent[] = [];
  let day = 0;
  const at = (gap: number) => {
    day = Math.min(day + gap, ageDays);
    return addCalendarDays(receivedOn, day);
  };
  if (chance(0.9)) events.push({ type: 'acknowledged', on: at(int(0, 2)) });
  if (chance(0.2)) {
    events.push({ type: 'paused', on: at(int(1, 5)) });
    if (chance(0.8)) events.push({ type: 'resumed', on: at(int(1, 10)) });
  }
  const ladder = p.stages.filter((s) => !s.external);
  const escalations = int(0, ladder.length - 1);
  for (let i = 1; i <= escalations; i++) {
    events.push({ type: 'escalated', on: at(int(1, 12)), stage: ladder[i].id });
    if (canadian && i >= 2 && chance(0.8)) events.push({ type: 'ccts-informed', on: at(int(0, 1)) });
    if (chance(0.5)) events.push({ type: 'responded', on: at(int(1, 20)) });
  }
  if (events.some((e) => e.type === 'paused') && !events.some((e) => e.type === 'resumed') && chance(0.5)) {
    events.push({ type: 'resumed', on: at(int(1, 5)) });
  }
  const ending = random();
  if (canadian && chance(0.2)) {
    events.push({ type: 'ccts-referral', on: at(int(5, 30)) });
    // The reply to the customer, then (most often) the report back to the CCTS, which alone meets its clock.
    if (chance(0.7)) events.push({ type: 'responded', on: at(int(1, 20)) });
    if (chance(0.7)) events.push({ type: 'ccts-report', on: at(int(0, 5)) });
  } else if (ending < 0.45) {
    events.push({ type: 'resolved', on: at(int(1, 30)) });
    if (chance(0.8)) events.push({ type: 'closed', on: at(int(0, 3)) });
  } else if (ending < 0.7 && !canadian) {
    events.push({ type: 'deadlock', on: at(int(1, 40)) });
    events.push({ type: 'adr-letter-sent', on: at(int(0, 2)) });
    if (chance(0.4)) events.push({ type: 'referred-to-adr', on: at(int(5, 60)) });
  }
  return {
    facts: {
      procedureId: p.id,
      calendar: canadian ? 'canada' : pick(UK_CALENDARS),
      receivedOn,
      channel: pick(p.channels),
      category: pick(CATEGORIES),
      ...(chance(0.1) ? { customer: { isBusiness: true, employees: int(1, 50) } } : {}),
      events: events.filter((e) => e.on <= today),
    },
    today,
  };
}

const procedures = listProcedures();
const cases = Array.from({ length: CASES }, () => makeCase(procedures));

const cpuStart = process.cpuUsage();
const start = performance.now();
let clocks = 0;
let running = 0;
for (const c of cases) {
  const e = evaluateCase(c.facts, c.today);
  clocks += e.clocks.length;
  for (const k of e.clocks) if (k.state === 'running') running += 1;
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);

const warmStart = performance.now();
for (const c of cases) evaluateCase(c.facts, c.today);
const warmMs = performance.now() - warmStart;

console.log(
  JSON.stringify({
    benchmark: 'rules.evaluateCase',
    cases: CASES,
    ms: Math.round(ms),
    // CPU time of this process over the same span (user + system; includes GC threads), less affected by other load.
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    warmMs: Math.round(warmMs),
    perCaseMicroseconds: Math.round((ms * 1000 * 10) / CASES) / 10,
    clocks,
    runningClocks: running,
    targetMs: 1000,
    withinTarget: ms < 1000,
    node: process.version,
  }),
);
