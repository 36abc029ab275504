// Sharing with a team (issue #14): the desk's membership, its session with the team's CouchDB, and the live
// replication that carries the bridge's documents both ways. One window of the desk runs it (a Web Lock); the
// others follow its status.
//
//   Dexie ⇄ (bridge.ts) ⇄ local PouchDB ⇄ (PouchDB live sync, retrying) ⇄ the team's CouchDB
//
// The password is sent once, to CouchDB's `_session`, and never kept: the server's session cookie is (the browser
// holds it). When the session ends, the status says "Sign in again" and nothing else stops: changes wait in the
// outbox and the local PouchDB.
import { translate, type Translate } from '#lib/i18n/index';
import { liveQuery, type Subscription } from 'dexie';
import { sameValue } from '#shared/model/merge';
import { parseSyncDocId, syncDocId, syncDocIdRange } from '#shared/sync/documents';
import { anyWaiting, changesWaiting, countedOnItsOwn, type ChangesWaiting } from '#shared/sync/waiting';
import type { Provider } from '#shared/model/provider';
import type { RedressDatabase } from '#db/schema';
import { deskSettings, installRows } from '#db/desk';
import { counterKey, prefixOf } from '#shared/model/reference';
import { SHARING_META_KEYS, writingFromTeam } from '#db/outbox';
import { anonymisedHere, reapplyAnonymisation } from '#db/repositories/retention';
import { timelinesOf } from '#db/timeline';
import { todayIso } from '#lib/today';
import { refused, sharingProblemInEnglish, type SharingSaying } from './sayings';
import { keepVersionsAhead } from './clock-proof';
import { saying } from '#shared/model/saying';
import {
  Bridge,
  enqueueAll,
  PULLED_SEQ_KEY,
  teamCopiesIn,
  UpdateNeededError,
  writtenHere,
  type BridgeProblem,
} from './bridge';
import {
  answeredWithin,
  pouchError,
  withBatchedRevsDiff,
  withRecentInfo,
  type PouchDatabase,
  type PouchDoc,
  type PouchReplication,
} from './pouch';
import {
  changedSinceSent,
  forgetRefused,
  forgetSent,
  pushSentThrough,
  pushStart,
  recordPushSent,
  lastSentOwn,
  serverLacks,
  startOwnRecord,
} from './push-start';

/** The desk's membership of a team, kept in its meta table (desk-local, never replicated). */
export interface TeamMembership {
  serverUrl: string;
  database: string;
  /** The desk's server user: it writes every document this desk sends. */
  user: string;
  joinedAt: string;
  /**
   * Where the desk's local PouchDB is: 'indexeddb' (PouchDB's newer IndexedDB adapter, several times faster to fill:
   * docs/performance.md, Sharing) for desks that joined from the fourth session on. Absent: PouchDB's `idb` adapter,
   * under the older name: a desk that joined before keeps its copy and its checkpoints as they are (the two adapters
   * cannot open each other's databases). A desk that leaves and joins again gets the newer one.
   */
  localStore?: 'indexeddb';
}

export const MEMBERSHIP_KEY = SHARING_META_KEYS.membership;
const LAST_SYNCED_KEY = SHARING_META_KEYS.lastSynced;
const PUSHED_SEQ_KEY = SHARING_META_KEYS.pushedSeq;
const TAKE_PROVIDERS_KEY = SHARING_META_KEYS.takeTeamProviders;
const RESEND_ERASURES_KEY = SHARING_META_KEYS.resendErasures;
const LEFT_IN_STEP_KEY = SHARING_META_KEYS.leftInStep;
const REJOIN_BASES_KEY = SHARING_META_KEYS.rejoinBases;
const NOT_TAKEN_IN_KEY = SHARING_META_KEYS.notTakenIn;

/** Who the audit entry names when a desk joining its team again applies its erasures again (TeamSync.resendErasures). */
export const REJOIN_REAPPLY_BY = 'Redress (joining the team again)';

/** The procedure a procedure version's document is of (`procedure:<id>@<version>` → `<id>`); '' for another document. */
function procedureIdOf(ref: string): string {
  const doc = parseSyncDocId(ref);
  return doc?.type === 'procedure' ? doc.key.slice(0, doc.key.lastIndexOf('@')) : '';
}

/**
 * A desk that joined with no case a team that already has providers takes the team's (p8b): every desk does its
 * first-run setup, and so has a first provider of its own, before it can join, and ten desks each uploading theirs
 * made ten identical-looking providers in the intake and the reports. Its own providers and the procedure versions
 * they use are not uploaded; `remove`: those the team does not hold (one it holds, the pull replaces), removed once the
 * team's providers are here (TeamSync.takeTeamProviders).
 */
export interface TakeTeamProviders {
  remove: string[];
}

/** A change the server refused, with the case it belongs to when known. */
export interface Refusal {
  docId: string;
  reference?: string;
  reason: string;
}

export type SharingState =
  | { kind: 'off' }
  | { kind: 'starting' }
  | { kind: 'downloading'; done: number; total: number }
  | { kind: 'syncing'; waiting: ChangesWaiting }
  | { kind: 'synced'; at: string }
  | { kind: 'offline'; waiting: ChangesWaiting; lastSyncedAt?: string }
  | { kind: 'unreachable'; waiting: ChangesWaiting; reason: string; lastSyncedAt?: string }
  | { kind: 'signed-out'; waiting: ChangesWaiting }
  | { kind: 'update-needed'; message: string; said: SharingSaying }
  | { kind: 'follower'; message: string };

export interface SharingStatus {
  state: SharingState;
  refusals: Refusal[];
  problems: BridgeProblem[];
}

/** Which PouchDB adapter holds a desk's local copy (TeamMembership.localStore). */
export type LocalAdapter = 'idb' | 'indexeddb';

/** How PouchDB databases are made: the browser's IndexedDB one in the app, memory ones in tests. */
export interface PouchFactory {
  local(name: string, adapter: LocalAdapter): Promise<PouchDatabase> | PouchDatabase;
  remote(url: string): Promise<PouchDatabase> | PouchDatabase;
  sync(local: PouchDatabase, remote: PouchDatabase, options: Record<string, unknown>): PouchReplication;
}

/** PouchDB for the browser, loaded when a desk first shares (it is not needed by a lone desk). */
export const browserPouch: PouchFactory = {
  async local(name, adapter) {
    const { default: PouchDB } = await import('pouchdb-browser');
    if (adapter === 'indexeddb' && !('indexeddb' in PouchDB.adapters)) {
      const { default: plugin } = await import('pouchdb-adapter-indexeddb');
      PouchDB.plugin(plugin);
    }
    // A copy last opened while the computer's clock was ahead still opens once the clock is put right (./clock-proof.ts).
    if (adapter === 'indexeddb') await keepVersionsAhead(indexedDB, `${PouchDB.prefix}${name}`);
    // No automatic compaction: a revision's body stays until the desk compacts (after an erasure), so a conflict is
    // merged from the revision both sides grew from.
    return new PouchDB(name, { adapter });
  },
  async remote(url) {
    const { default: PouchDB } = await import('pouchdb-browser');
    // The session cookie goes with every request (cross-origin: the server's CORS allows credentials). PouchDB's
    // replication asks the server's info after every batch, for a progress record nobody reads: a recent one does.
    return withRecentInfo(
      new PouchDB(url, {
        skip_setup: true,
        // A server that has hung fails the request after ANSWER_DEADLINE_MS, as one that cannot be reached does.
        fetch: answeredWithin((input, init) => fetch(input, { ...init, credentials: 'include' }), ANSWER_DEADLINE_MS),
      }) as PouchDatabase,
      REMOTE_INFO_MAX_AGE_MS,
    );
  },
  sync(local, remote, options) {
    return local.sync(remote, options);
  },
};

/** Sign in to the team server: CouchDB's cookie session. The password goes to the server only. */
export async function signIn(
  serverUrl: string,
  user: string,
  password: string,
  fetcher: typeof fetch = fetch,
): Promise<{ ok: true } | { ok: false; reason: string; said: SharingSaying }> {
  try {
    // A server that has hung is said to be unreachable, not waited for with the button spinning (answeredWithin).
    const response = await answeredWithin(fetcher, ANSWER_DEADLINE_MS)(`${serverUrl}/_session`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: user, password }),
    });
    if (response.status === 401) return refused('wrong-password');
    if (!response.ok) return refused('sign-in-status', { status: response.status });
    return { ok: true };
  } catch {
    return refused('sign-in-unreachable');
  }
}

/**
 * Whether the signed-in user may use the team's database, and whether it holds cases already (a team starting out, or
 * one this desk joins with its work ahead of it). Not a count of the server's documents: "the team database holds 4
 * records", counting its design document and settings, meant nothing to a handler (explore40-team #8b).
 */
export async function checkTeamDatabase(
  serverUrl: string,
  database: string,
  fetcher: typeof fetch = fetch,
): Promise<{ ok: true; holdsCases: boolean } | { ok: false; reason: string; said: SharingSaying }> {
  const ask = answeredWithin(fetcher, ANSWER_DEADLINE_MS); // as signIn
  const base = `${serverUrl}/${encodeURIComponent(database)}`;
  const get = (path: string) =>
    ask(`${base}${path}`, { credentials: 'include', headers: { accept: 'application/json' } });
  try {
    const response = await get('');
    if (response.status === 401 || response.status === 403) return refused('not-member', { database });
    if (response.status === 404) return refused('no-database', { database });
    if (!response.ok) return refused('server-status', { status: response.status });
    const design = await get('/_design/redress');
    if (design.status === 404) return refused('not-set-up', { database });
    // One case document, if there is any: ids are "case:<key>" (shared/sync/documents.ts).
    const range = syncDocIdRange('case');
    const key = (id: string) => encodeURIComponent(JSON.stringify(id));
    const cases = await get(`/_all_docs?limit=1&startkey=${key(range.startkey)}&endkey=${key(range.endkey)}`);
    if (!cases.ok) return refused('server-status', { status: cases.status });
    const { rows } = (await cases.json()) as { rows?: unknown[] };
    return { ok: true, holdsCases: (rows?.length ?? 0) > 0 };
  } catch {
    return refused('unreachable');
  }
}

/**
 * Whether this desk's reference prefix is free in the team: another desk's counters under the same prefix would
 * mean two cases with one reference. Returns the desks already using it (none: free).
 */
export async function prefixUsers(remote: PouchDatabase, prefix: string, user: string): Promise<string[]> {
  const counters = await remote.allDocs({
    startkey: `counter:${prefix}-`,
    endkey: `counter:${prefix}-\ufff0`,
    include_docs: true,
  });
  const writers = counters.rows.map((r) => r.doc?.writer).filter((w): w is string => typeof w === 'string');
  return [...new Set(writers.filter((w) => w !== user))];
}

/**
 * The prefixes under which `user` has already issued references in the team (its counters' writer): the login is in
 * use at another computer, unless this desk is the one that issued them. Two computers with one login each issue the
 * next reference offline, so both give one reference to two complaints and each desk then shows one of them
 * (explore34-team #2). Asked before a desk joins, which is then told and asked to confirm (the Sharing screen).
 */
export async function prefixesIssuedBy(remote: PouchDatabase, user: string): Promise<string[]> {
  const prefixes = (await countersWrittenBy(remote, user)).map((c) => prefixOf(c.key));
  return [...new Set(prefixes)].sort();
}

/** The team's counters `user` wrote (`PREFIX-YEAR` and the last number issued): the one reader of a login's counters. */
async function countersWrittenBy(remote: PouchDatabase, user: string): Promise<Array<{ key: string; last: number }>> {
  const counters = await remote.allDocs({ ...syncDocIdRange('counter'), include_docs: true });
  return counters.rows.flatMap((row) => {
    const doc = row.doc as { writer?: string; body?: { last?: number } } | undefined;
    return doc?.writer === user ? [{ key: row.id.slice('counter:'.length), last: doc.body?.last ?? 0 }] : [];
  });
}

/**
 * The prefixes whose counter `user` wrote on the team's server is past this desk's own: references issued with the
 * login at another computer since this desk last had them. None for a desk whose counters are the team's.
 */
export async function countersMovedOn(
  database: RedressDatabase,
  remote: PouchDatabase,
  user: string,
): Promise<string[]> {
  const moved = new Set<string>();
  for (const { key, last } of await countersWrittenBy(remote, user)) {
    if (last > ((await database.counters.get(key))?.last ?? 0)) moved.add(prefixOf(key));
  }
  return [...moved].sort();
}

/**
 * The counter a desk claims its prefix and login with as it joins a team (and at each start once the server answers,
 * for a desk with none), before it has issued any reference: this year's
 * counter at 0, when neither the desk nor the team holds it yet (then nothing is lowered: a counter merges by the
 * highest number). Without it, a login that had written cases, entries and letters but issued no reference looked
 * unused (prefixesIssuedBy reads counters), and a second computer joining with it was not warned; nor was a desk
 * choosing the prefix (prefixUsers). Both then give one reference to two complaints (explore36-team #1). Written while
 * the desk shares, so the outbox sends it as it sends an issued reference's. A server that cannot be asked: not
 * claimed now (a later start, or the first reference, claims it).
 */
export async function claimPrefix(database: RedressDatabase, remote: PouchDatabase, year: number): Promise<void> {
  const prefix = (await deskSettings(database))?.deskPrefix;
  if (!prefix) return;
  const key = counterKey(prefix, year);
  if (await database.counters.get(key)) return;
  const held = await remote.allDocs({ keys: [syncDocId('counter', key)] }).catch(() => null);
  const row = held?.rows[0];
  // Held: a live document (a deleted one is claimed again).
  if (!row || ('value' in row && row.value && !row.value.deleted)) return;
  await database.transaction('rw', database.counters, async () => {
    if (!(await database.counters.get(key))) await database.counters.add({ key, last: 0 });
  });
}

/**
 * This desk's own cases (not in the team's store) whose reference prefix another desk of the team issues too. Choosing
 * a new prefix changes only the references still to come: a case logged here before joining keeps its reference, and
 * the team would then hold two complaints under one reference, each desk showing only one of them (bridge.ts keeps the
 * reference unique). So the join is refused, naming how many and the first, before anything is sent. A desk joining
 * again, whose cases the team already holds, clashes with nothing.
 */
export async function referenceClashes(
  database: RedressDatabase,
  remote: PouchDatabase,
  user: string,
): Promise<SharingSaying[]> {
  const byPrefix = new Map<string, Array<{ id: string; reference: string }>>();
  await database.caseIndex.each((row) => {
    const prefix = prefixOf(row.reference);
    const list = byPrefix.get(prefix) ?? [];
    list.push({ id: row.caseId, reference: row.reference });
    byPrefix.set(prefix, list);
  });
  const clashes: SharingSaying[] = [];
  for (const [prefix, cases] of byPrefix) {
    const desks = await prefixUsers(remote, prefix, user);
    if (desks.length === 0) continue;
    const { rows } = await remote.allDocs({ keys: cases.map((c) => syncDocId('case', c.id)) });
    const own = cases.filter((_, i) => !('value' in rows[i] && rows[i].value));
    if (own.length === 0) continue;
    own.sort((a, b) => a.reference.localeCompare(b.reference));
    clashes.push(
      saying('reference-prefix-clash', { prefix, desks: desks.join(', '), count: own.length, first: own[0].reference }),
    );
  }
  return clashes;
}

/**
 * The desk's providers and procedure versions whose id the team already holds with other content, written by another
 * desk (p8b, issue #16 gap G6). Providers and procedure versions are merged field by field with no clash record, so
 * joining with one of them would silently replace one desk's letterhead, or the content of a version its cases follow,
 * with the other's. Desks set up before ids were made unique all had a provider `first`, and copies named
 * `kijoma-copy`; an imported procedure keeps its file's id. The same content is no clash (the join goes on), nor is
 * the team's copy this desk's own user wrote (a desk joining again: its edits go up as before). A desk joining again
 * whose copy differs from one another desk wrote meanwhile is refused too: with no revision both grew from (leaving
 * forgets them), a stale copy cannot be told from an edit, and either would be merged over the team's blindly.
 */
export async function idClashes(
  database: RedressDatabase,
  remote: PouchDatabase,
  user: string,
  notUploaded: ReadonlySet<string> = new Set(),
): Promise<SharingSaying[]> {
  const mine = new Map<
    string,
    { type: 'provider' | 'procedure'; content: unknown; said: (team: unknown) => SharingSaying }
  >();
  for (const p of await database.providers.toArray())
    mine.set(syncDocId('provider', p.id), {
      type: 'provider',
      content: p,
      said: (team) => saying('provider-id-clash', { name: p.name, id: p.id, team: (team as Provider).name ?? '' }),
    });
  for (const r of await database.procedures.toArray())
    mine.set(syncDocId('procedure', r.key), {
      type: 'procedure',
      // The procedure itself: when it was saved is no part of it.
      content: r.procedure,
      said: (team) =>
        saying('procedure-id-clash', {
          name: r.procedure.name,
          id: r.id,
          version: r.version,
          team: (team as { procedure?: { name?: string } }).procedure?.name ?? '',
        }),
    });
  // Documents this desk does not upload (it takes the team's providers) clash with nothing.
  for (const ref of notUploaded) mine.delete(ref);
  if (mine.size === 0) return [];
  const { rows } = await remote.allDocs({ keys: [...mine.keys()], include_docs: true });
  const clashes: SharingSaying[] = [];
  for (const row of rows) {
    const doc = row.doc as { writer?: unknown; body?: Record<string, unknown> } | undefined;
    const here = mine.get(row.key);
    if (!here || !doc?.body || row.value?.deleted || doc.writer === user) continue;
    const team = here.type === 'procedure' ? doc.body.procedure : doc.body;
    if (!sameValue(team, here.content)) clashes.push(here.said(doc.body));
  }
  return clashes;
}

/** What a desk that left its team keeps of it (SHARING_META_KEYS.leftInStep): the team, and its cases in step then. */
export interface LeftInStep {
  /** The team's server and database (teamOf). */
  team: string;
  /**
   * The desk login this desk left the team with: joining again with it is no second computer on one login
   * (`loginInUseAt`); with another desk's login it may be (explore37-team #3). Absent in what an earlier version kept.
   */
  user?: string;
  /** Case id → the row's `updatedAt` when the desk left. */
  cases: Record<string, string>;
  /**
   * Case id → the revision its row was last in step with (the row that revision's body, or a change made here on it),
   * the team's revision that one follows when this desk wrote it (`team`, SyncRevRow.team), and the row's `updatedAt`,
   * for every case the desk held a revision of when it left (`rejoinPlan`). Absent in what an earlier version kept.
   * `follows`: for a case this desk changed in its local copy past the push's last checkpoint (`rev` perhaps never
   * sent), the revisions this desk wrote before `rev`, newest first, back to `team` (not included): the team's copy is
   * one of them when the desk had sent an earlier change of the case before it left.
   */
  revs?: Record<string, { rev: string; team?: string; updatedAt: string; follows?: string[] }>;
}

/** One team: its server and database. */
const teamOf = (membership: Pick<TeamMembership, 'serverUrl' | 'database'>) =>
  `${membership.serverUrl}/${encodeURIComponent(membership.database)}`;

/** Cases asked about at once when a desk joins its team again (`rejoinPlan`, `takeRejoinBases`). */
const REJOIN_BATCH = 1000;

/** What a desk joining the team it left does with the cases it holds that the team holds too (`rejoinPlan`). */
export interface RejoinPlan {
  /** Not uploaded: the team's copy is taken as it is (bridge.ts uploadsOnJoin). */
  unchanged: Set<string>;
  /** Uploaded on top of the team's revision (sync id → revision id): TeamSync.takeRejoinBases. */
  bases: Record<string, string>;
}

/**
 * What a desk joining again the team it left (`left`, LeftInStep) does with its cases, as sync ids; the team's server
 * `remote` holds documents (for an empty one every case goes up as it is).
 *
 * `unchanged`: the cases it was in step with when it left and has not changed since: the row still has the `updatedAt`
 * it had then (every change to a case sets it), no clash is recorded on it, and the server holds the revision it was
 * in step with. Not uploaded, so the team's changes made meanwhile arrive as they are (uploaded with no revision both
 * copies grew from, every field the team changed showed as "Changed at two desks"). A revision the desk wrote into its
 * local copy but never sent (the server out of reach when it left) is a change the team lacks: its case goes up; taken
 * as unchanged, the team's older copy replaced the desk's change without a word.
 *
 * `bases`: the cases it changed since the team last had its copy (a change waiting to be sent when it left, one
 * written but not sent, or one made while away) whose team copy is still the revision the change follows: the one its
 * row was in step with, or for a revision never sent, the team's revision it was written on or one this desk sent before
 * it (LeftInStep `follows`: a first change sent, the next not yet when the desk left). That revision is put in the
 * new local copy before the first push and the change goes on top of it, as had the desk stayed (uploaded beside it,
 * every field changed here showed as "Changed at two desks", though only this desk had changed it). A case the team
 * changed since too: its change goes on top of that same revision (the newest of them the server holds), beside the
 * team's newer one, and the two are merged from it: only a field both changed is "Changed at two desks". Not one whose
 * row is older than when the desk left (a copy brought back from a backup: written on top, its older values would
 * replace the team's without a word; it goes up beside the team's copy and is merged with no revision to merge from).
 */
export async function rejoinPlan(
  database: RedressDatabase,
  remote: PouchDatabase | undefined,
  left: Pick<LeftInStep, 'cases' | 'revs'>,
): Promise<RejoinPlan> {
  const plan: RejoinPlan = { unchanged: new Set(), bases: {} };
  if (!remote) return plan;
  const revs = left.revs ?? {};
  const ids = [...new Set([...Object.keys(left.cases), ...Object.keys(revs)])];
  for (let i = 0; i < ids.length; i += REJOIN_BATCH) {
    const some = ids.slice(i, i + REJOIN_BATCH);
    const refs = some.map((id) => syncDocId('case', id));
    const rows = await database.cases.bulkGet(some);
    const clashes = await database.conflicts.bulkGet(some);
    const team = (await remote.allDocs({ keys: refs })).rows;
    const asked = Object.fromEntries(some.flatMap((id, k) => (revs[id] ? [[refs[k], [revs[id].rev]]] : [])));
    const missing = Object.keys(asked).length ? await remote.revsDiff(asked) : {};
    // The cases the team changed since: the revisions the change here may follow, newest first.
    const older: Record<string, string[]> = {};
    some.forEach((id, k) => {
      const row = rows[k];
      if (!row) return;
      const kept = revs[id];
      const unsent = !!kept && !!missing[refs[k]]?.missing.includes(kept.rev);
      if (left.cases[id] === row.updatedAt && !clashes[k] && !unsent) return void plan.unchanged.add(refs[k]);
      const copy = team[k]?.value;
      if (!kept || !copy || copy.deleted || !(Date.parse(row.updatedAt) >= Date.parse(kept.updatedAt))) return;
      const followed = copy.rev === kept.team || !!kept.follows?.includes(copy.rev);
      if (copy.rev === kept.rev || (unsent && followed)) return void (plan.bases[refs[k]] = copy.rev);
      const candidates = unsent ? [...(kept.follows ?? []), ...(kept.team ? [kept.team] : [])] : [kept.rev];
      if (candidates.length) older[refs[k]] = candidates;
    });
    // The team changed such a case since: the change goes up on top of the revision it follows all the same, the
    // newest of them the server holds, so the two are merged from it (only a field both changed is "Changed at two
    // desks"; with no revision to merge from, every field either changed was, and the team's values were kept:
    // explore32-team #1). A revision whose body the server no longer has (compacted) is merged as before
    // (takeRejoinBases).
    if (Object.keys(older).length) {
      const lacking = await remote.revsDiff(older);
      for (const [ref, candidates] of Object.entries(older)) {
        const held = candidates.find((rev) => !lacking[ref]?.missing.includes(rev));
        if (held) plan.bases[ref] = held;
      }
    }
  }
  return plan;
}

/**
 * For a desk leaving its team (LeftInStep `follows`): each case whose revision here this desk wrote (not the team's
 * revision it was last in step with) and which changed in the local copy `local` past the push's last checkpoint, so
 * may not have reached the server, by sync id: the revisions this desk wrote before it, newest first, back to the team's
 * revision (not included). Revision ids only. A copy that cannot be read gives none (the case is merged as before).
 */
export async function revisionsFollowed(
  database: RedressDatabase,
  local: PouchDatabase,
): Promise<Map<string, string[]>> {
  const follows = new Map<string, string[]>();
  const own = (await database.syncRevs.where('ref').startsWith('case:').toArray()).filter((r) => r.rev !== r.team?.rev);
  try {
    const changed = await changedSinceSent(database, local, new Set(own.map((r) => r.ref)));
    const asked = own.filter((r) => changed.has(r.ref));
    for (let i = 0; i < asked.length; i += REJOIN_BATCH) {
      const some = asked.slice(i, i + REJOIN_BATCH);
      const { results } = await local.bulkGet({ docs: some.map((r) => ({ id: r.ref, rev: r.rev })), revs: true });
      results.forEach((result, k) => {
        const history = result.docs[0]?.ok?._revisions;
        if (!history) return;
        const before: string[] = [];
        for (let g = 1; g < history.ids.length; g++) {
          const rev = `${history.start - g}-${history.ids[g]}`;
          if (rev === some[k].team?.rev) break;
          before.push(rev);
        }
        if (before.length) follows.set(some[k].ref, before);
      });
    }
  } catch {
    return new Map();
  }
  return follows;
}

/** A join refused before anything was sent: the reasons, one saying each (English in `message`). */
export class JoinRefusedError extends Error {
  constructor(readonly said: SharingSaying[]) {
    super(said.map(sharingProblemInEnglish).join(' '));
    this.name = 'JoinRefusedError';
  }
}

/** What waits to be sent, in words: "changes to 2 cases waiting", "1 change waiting"… (shared/sync/waiting.ts). */
export function waitingLine(
  { cases, other }: ChangesWaiting,
  t: Translate = (key, values) => translate('en-GB', key, values),
): string {
  if (cases && other) return t('sync.waitingCasesAndOther', { cases, other });
  return cases ? t('sync.waitingCases', { n: cases }) : t('sync.waiting', { n: other });
}

/** The status line the header shows, in the interface language (English (UK) unless `t` says otherwise). Pure. */
export function statusLine(
  state: SharingState,
  now: Date,
  t: Translate = (key, values) => translate('en-GB', key, values),
): string {
  const ago = (iso: string) => {
    const minutes = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 60_000));
    if (minutes < 1) return t('sync.justNow');
    if (minutes < 60) return t('sync.minutesAgo', { n: minutes });
    const hours = Math.round(minutes / 60);
    if (hours < 48) return t('sync.hoursAgo', { n: hours });
    return t('sync.daysAgo', { n: Math.round(hours / 24) });
  };
  const waiting = (w: ChangesWaiting) => waitingLine(w, t);
  switch (state.kind) {
    case 'off':
      return t('sync.notSharing');
    case 'starting':
      return t('sync.starting');
    case 'downloading':
      return t('sync.downloading', { done: state.done, total: state.total });
    case 'syncing':
      return anyWaiting(state.waiting)
        ? t('sync.syncingWaiting', { waiting: waiting(state.waiting) })
        : t('sync.syncing');
    case 'synced':
      return t('sync.synced', { ago: ago(state.at) });
    case 'offline':
      return t('sync.offline', { waiting: waiting(state.waiting) });
    case 'unreachable':
      return t('sync.unreachable', { waiting: waiting(state.waiting) });
    case 'signed-out':
      return t('sync.signedOut');
    case 'update-needed':
      return t('sync.updateNeeded');
    case 'follower':
      return t('sync.follower');
  }
}

type Listener = () => void;

/** What the status is said again after: the replication active, caught up (idle), or failing. */
type StateEvent = 'active' | 'idle' | 'error';

/**
 * A refusal or problem added to the status's list (the last 50), unless the same one (document and words) is there
 * already: a retry, or a desk that takes the same documents in again, said it once more each time (explore36-team #8).
 */
export function onceEach<T extends { docId: string; reason: string }>(list: readonly T[], item: T): T[] {
  if (list.some((x) => x.docId === item.docId && x.reason === item.reason)) return [...list];
  return [...list, item].slice(-50);
}

/** The team sharing of one desk database. */
export class TeamSync {
  private status: SharingStatus = { state: { kind: 'off' }, refusals: [], problems: [] };
  private readonly listeners = new Set<Listener>();
  private replication: PouchReplication | null = null;
  private outboxWatch: Subscription | null = null;
  private bridge: Bridge | null = null;
  private local: PouchDatabase | null = null;
  /** The desk's server user, once sharing runs. */
  private user: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private pushing = false;
  private pullAgain = false;
  private downloading: { total: number; done: number } | null = null;
  private stopped = false;

  private leading = false;
  private releaseLock: (() => void) | null = null;

  constructor(
    private readonly database: RedressDatabase,
    private readonly pouch: PouchFactory = browserPouch,
    private person: () => string | undefined = () => undefined,
  ) {}

  /** Who is working now (recorded on the case revisions this desk writes). */
  setPerson(person: () => string | undefined): void {
    this.person = person;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  snapshot = (): SharingStatus => this.status;

  /**
   * The team's cases the pull left out (a second case under one reference, bridge.ts), kept in the desk's meta: the
   * pull moves past them and never brings them again, so their problem said only in memory was gone at the next start,
   * and the case hidden with no trace (explore37-team #1). With `problem`, one more is kept; without, those kept are
   * said again, but for a case taken in since.
   */
  private async keepNotTakenIn(problem?: BridgeProblem): Promise<void> {
    const { meta, cases } = this.database;
    // At a start, usually none is kept: a read alone says so, with no write transaction over the desk's cases.
    if (!problem && !((await meta.get(NOT_TAKEN_IN_KEY))?.value as BridgeProblem[] | undefined)?.length) return;
    // One read and write at a time (a problem kept while the start reads them).
    const list = await this.database.transaction('rw', meta, cases, async () => {
      const kept = ((await meta.get(NOT_TAKEN_IN_KEY))?.value as BridgeProblem[] | undefined) ?? [];
      const here = new Set((await cases.bulkGet(kept.map((p) => p.leftOut!))).flatMap((row) => (row ? [row.id] : [])));
      const still = kept.filter((p) => !here.has(p.leftOut!) && p.docId !== problem?.docId);
      const now = problem ? [...still, problem] : still;
      if (now.length !== kept.length || problem) await meta.put({ key: NOT_TAKEN_IN_KEY, value: now });
      return now;
    });
    if (!problem && list.length)
      this.set(this.status.state, { problems: list.reduce((all, p) => onceEach(all, p), this.status.problems) });
  }

  private set(state: SharingState, extra: Partial<SharingStatus> = {}): void {
    this.status = { ...this.status, ...extra, state };
    for (const l of this.listeners) l();
  }

  async membership(): Promise<TeamMembership | null> {
    return ((await this.database.meta.get(MEMBERSHIP_KEY))?.value as TeamMembership | undefined) ?? null;
  }

  /** Start sharing if the desk belongs to a team, and wait until it has started (or found it cannot reach the server). */
  async start(): Promise<void> {
    const { started } = await this.begin();
    await started;
  }

  /**
   * Start sharing if the desk belongs to a team, waiting only for the desk's own part: the membership read and the
   * outbox on, so the desk may write at once (main.tsx draws the app then). Call before the desk writes anything.
   * `started` is the rest, which talks to the team's server and waits for it (never rejects: problems go to the
   * status). Meanwhile a new reference waits for the team's counters (`RedressDatabase.numbering`), at most
   * COUNTERS_WAIT_MS.
   */
  async begin(): Promise<{ started: Promise<void> }> {
    const membership = await this.membership();
    if (!membership) {
      this.database.sharing = false;
      this.set({ kind: 'off' });
      return { started: Promise.resolve() };
    }
    this.database.sharing = true;
    this.stopped = false;
    this.refilled = false;
    this.set({ kind: 'starting' });
    void this.keepNotTakenIn().catch(() => {});
    const counters = this.waitForCounters();
    const started = this.run(membership).catch((error: unknown) => {
      console.warn('Sharing could not start', error);
      void this.refreshState('error', error);
    });
    void started.finally(counters);
    return { started };
  }

  /** Until the returned function is called, or COUNTERS_WAIT_MS have passed, new references wait (`numbering`). */
  private waitForCounters(): () => void {
    let done!: () => void;
    const taken = new Promise<void>((resolve) => (done = resolve));
    const timer = setTimeout(done, COUNTERS_WAIT_MS);
    this.countersTaken = () => {
      clearTimeout(timer);
      done();
    };
    this.database.numbering = taken;
    return this.countersTaken;
  }

  private countersTaken: (() => void) | null = null;

  private async run(membership: TeamMembership): Promise<void> {
    // One window of the desk replicates; another window of the same desk follows (its writes reach the outbox,
    // which the leading window sends) and takes over when that window closes.
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return this.lead(membership);
    const lockName = `redress-team-sync-${this.database.name}`;
    await new Promise<void>((started) => {
      void locks.request(lockName, async () => {
        if (this.stopped) return started();
        await this.lead(membership).catch((error: unknown) => {
          console.warn('Sharing could not start', error);
          void this.refreshState('error', error);
        });
        started();
        await new Promise<void>((release) => (this.releaseLock = release));
      });
      void locks.query().then((state) => {
        if (!this.leading && state.held?.some((l) => l.name === lockName)) {
          this.set({ kind: 'follower', message: 'Sharing runs in another window of this desk' });
          started();
        }
      });
    });
  }

  private async lead(membership: TeamMembership): Promise<void> {
    this.leading = true;
    const store = localStore(this.database, membership);
    // The replication asks the local copy which revisions it lacks in one read per batch, not one per document.
    const local = withBatchedRevsDiff(await this.pouch.local(store.name, store.adapter));
    const remote = await this.pouch.remote(`${membership.serverUrl}/${encodeURIComponent(membership.database)}`);
    this.local = local;
    this.user = membership.user;
    this.unsent = null;
    this.bridge = new Bridge({
      database: this.database,
      local,
      writer: membership.user,
      person: this.person,
      onProblem: (p) => {
        this.set(this.status.state, { problems: onceEach(this.status.problems, p) });
        if (p.leftOut) void this.keepNotTakenIn(p).catch(() => {});
      },
    });
    await startOwnRecord(this.database, local);
    await this.takeTeamCounters(remote, membership.user);
    this.countersTaken?.();
    await this.takeTeamProviders(local, remote);
    const firstTime = (await this.database.meta.get(LAST_SYNCED_KEY)) === undefined;
    if (firstTime) {
      try {
        const info = await remote.info();
        this.downloading = { total: info.doc_count, done: 0 };
        this.set({ kind: 'downloading', done: 0, total: info.doc_count });
      } catch {
        // Offline at the first start: the download starts when the server can be reached.
      }
    }
    this.remote = remote;
    await this.takeRejoinBases(local, remote, false);
    // Read before the bridge's first round: what that round writes of this desk's own lies past it, so is sent.
    const pushFrom = await pushStart(this.database, local);
    await this.enqueue(() => this.bridge!.pull());
    await this.enqueue(() => this.pushOutbox());
    this.startReplication(local, remote, membership.user, pushFrom);
    // Every change written here: sent on (the outbox is written in the change's own transaction).
    this.outboxWatch = liveQuery(() => this.database.outbox.count()).subscribe({
      next: (count) => {
        if (count > 0) this.schedulePush();
      },
    });
    // Back online, or "Sync now" while the server is lost: try at once rather than at the end of the retry's back-off.
    const online = () => {
      if (this.stopped || !this.replication) return;
      this.replication.cancel();
      const restart = ++this.restarts;
      const again = (since?: number) => {
        if (!this.stopped && restart === this.restarts) this.startReplication(local, remote, membership.user, since);
      };
      pushStart(this.database, local).then(again, () => again());
    };
    this.retryNow = online;
    if (typeof window !== 'undefined') {
      const offline = () => void this.refreshState('error');
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      this.removeOnline = () => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      };
    }
  }

  private removeOnline: (() => void) | null = null;
  /** Starts the replication again now (set while it runs). */
  private retryNow: (() => void) | null = null;
  /** Restarts asked for (back online): only the last one asked starts. */
  private restarts = 0;

  /**
   * The live two-way replication. `pushFrom`: the local sequence the push starts from instead of its checkpoint, when
   * everything this desk wrote up to it is known sent (push-start.ts); PouchDB's own retries start from it again.
   */
  private startReplication(local: PouchDatabase, remote: PouchDatabase, user: string, pushFrom?: number): void {
    const replication = this.pouch.sync(local, remote, {
      live: true,
      retry: true,
      // 500: with the indexeddb adapter, batches of 500 took a 3,000-case download a fifth less CPU than 200 (fewer
      // requests, transactions and checkpoints) with no task over 200 ms; 1,000 saved little more and began to make
      // PouchDB's handling of a batch a long task (docs/performance.md, Sharing).
      batch_size: 500,
      // Called by PouchDB on the side's own options, just before it waits to retry that side.
      back_off_function: retryingAfter((options) => this.pushStartAgain(local, options)),
      // The pull keeps its checkpoint in the local PouchDB only (where its documents are written, in step with them):
      // the copy on the server cost two requests per batch on the download's critical path (docs/performance.md).
      pull: { checkpoint: 'target' },
      // The push offers the server only what this desk wrote, not every document the pull just brought from it (a
      // read of each, a `_revs_diff` and checkpoints per batch, for nothing: docs/performance.md, Sharing).
      push: { filter: pushFilter(user), [PUSH_SIDE]: true, ...(pushFrom === undefined ? {} : { since: pushFrom }) },
    });
    this.replication = replication;
    this.caughtUp = { pull: false, push: false };
    this.lastWord = { event: 'active' };
    replication
      .on('change', (info) => {
        if (info.direction === 'pull') {
          // This batch's documents written. Not `docs_written`: PouchDB counts that from the replication's start (its
          // every event carries the running total), so adding it up said "663,000 of 26,167 records".
          const written = info.change.docs?.length ?? 0;
          if (this.downloading) this.downloading.done += written;
          this.arrived += written;
          // During the first download the bridge takes documents in by full rounds (fewer, larger Dexie writes: see
          // PULL_ROUND); otherwise at once, so a change from another desk shows without waiting.
          if (!this.downloading || this.arrived >= PULL_ROUND) this.schedulePull();
          else this.pullSoon();
        }
        void this.heard('active');
      })
      .on('denied', (error: unknown) => void this.refused(error))
      .on('error', (error?: unknown) => void this.heard('error', error));
    const { pull, push } = replication;
    if (!pull || !push) {
      // A sync without its two replications to hand: its own events (it says "paused" when either side is).
      this.caughtUp = { pull: true, push: true };
      replication
        .on('active', () => void this.heard('active'))
        .on('paused', (error?: unknown) => void this.heard(error ? 'error' : 'idle', error));
      return;
    }
    // Whether to ask, once caught up, if the server still holds what this desk had sent: at the start, and after each
    // time it could not be reached (the last document known sent then: what the server must hold).
    let askServer = true;
    let proof = lastSentOwn(this.database, local).catch(() => undefined);
    // The push's checkpoints, as it writes them: where the next start may begin (push-start.ts).
    push.on('checkpoint', (info: { checkpoint?: unknown }) => {
      if (info.checkpoint === undefined) return;
      this.pushSent = this.pushSent.then(() => recordPushSent(this.database, local, info.checkpoint)).catch(noMore);
    });
    // Each direction on its own: the sync's "paused" comes when either side pauses while the other has not yet said
    // it is active (the push, with nothing to send, pauses before the pull's first batch arrives), and it drops the
    // error; so it cannot tell "caught up" from "half-way through the download" or "the server cannot be reached".
    // A side pauses with no error only when its changes feed has nothing more (a live replication's catch-up done).
    for (const [direction, side] of [
      ['pull', pull],
      ['push', push],
    ] as const) {
      side.on('active', () => {
        this.caughtUp[direction] = false;
        void this.heard('active');
      });
      side.on('paused', (error?: unknown) => {
        this.caughtUp[direction] = !error;
        // What has arrived is taken in now (the last, partial round of a download; or all of it before a retry).
        if (direction === 'pull') this.schedulePull();
        if (error) {
          // Back from a lost server: it may have come back emptied or restored from a backup (asked once idle).
          if (!askServer) proof = lastSentOwn(this.database, local).catch(() => undefined);
          askServer = true;
          return void this.heard('error', error);
        }
        const idle = this.caughtUp.pull && this.caughtUp.push;
        if (idle && askServer) {
          askServer = false;
          void proof.then((sent) => this.refillIfServerLost(replication, local, remote, user, sent));
          // A desk in its team since before joins claimed a prefix, or whose claim at the join found no server, claims
          // it once the server answers (explore37-team #2); one with its counter asks nothing.
          void claimPrefix(this.database, remote, Number(todayIso().slice(0, 4))).catch(() => {});
        }
        void this.heard(idle ? 'idle' : 'active');
      });
    }
  }

  /**
   * A server emptied, or restored from a backup older than this desk's last change sent, lacks this desk's documents,
   * and a push started past its checkpoint (push-start.ts) would never send them again, while every desk says "Synced"
   * (explore36-team #2; docs/team-server.md promises a restored server is refilled by the desks). Asked once caught up:
   * when the server lacks `sent`, the last document of this desk's known sent before it started or lost the server,
   * the records of what was sent are forgotten and the push starts again from the beginning: every document of this
   * desk's is offered again. At most once a start, so a document the server refuses cannot make it loop.
   */
  private async refillIfServerLost(
    replication: PouchReplication,
    local: PouchDatabase,
    remote: PouchDatabase,
    user: string,
    sent: { id: string; rev: string } | undefined,
  ): Promise<void> {
    if (this.refilled || !(await serverLacks(remote, sent))) return;
    if (this.stopped || this.replication !== replication) return;
    this.refilled = true;
    await forgetSent(this.database);
    replication.cancel();
    this.restarts += 1;
    // From the beginning (0), not from the push's checkpoint: the push started past it has written that checkpoint
    // on the new server already.
    this.startReplication(local, remote, user, 0);
  }

  /** Whether this start has sent everything again to a server that had lost it (`refillIfServerLost`). */
  private refilled = false;

  /**
   * Where the push starts again after the server was lost: PouchDB's own retry starts it from its `since` (rewinding
   * its checkpoint there) or from its checkpoint, which a filtered push leaves behind every document the pull wrote
   * since it last sent something, so each retry read again every document the pull brought this session (the whole
   * download, when the server is lost during or after a desk's first one). Worked out again as at a start
   * (push-start.ts), and put in the options the retry reads, while it waits its back-off. Left as it was when that
   * takes longer than the back-off: the retry then reads some documents again, and never skips one.
   */
  private async pushStartAgain(local: PouchDatabase, options: RetryOptions): Promise<void> {
    const since = await pushStart(this.database, local).catch(() => undefined);
    if (this.local !== local) return;
    if (since === undefined) delete options.since;
    else options.since = since;
  }

  /** What the replication last said (with its error), said again when the bridge's own work changes what waits. */
  private lastWord: { event: StateEvent; error?: unknown } = { event: 'active' };

  /** The status said again after an event of the replication's. */
  private heard(event: StateEvent, error?: unknown): Promise<void> {
    this.lastWord = { event, error };
    return this.refreshState(event, error);
  }

  /** The push's checkpoints recorded, one after another. */
  private pushSent: Promise<void> = Promise.resolve();
  /** Whether each direction of the replication last said it had nothing more to send (paused with no error). */
  private caughtUp = { pull: false, push: false };
  /** Documents the replication wrote into the local PouchDB since the bridge's last pull began. */
  private arrived = 0;
  private roundTimer: ReturnType<typeof setTimeout> | null = null;

  /** Take in a partial round after a short wait (progress shows when the replication is slow). */
  private pullSoon(): void {
    if (this.roundTimer) return;
    this.roundTimer = setTimeout(() => {
      this.roundTimer = null;
      if (!this.stopped) this.schedulePull();
    }, ROUND_WAIT_MS);
  }

  /**
   * The team's counters of this desk, read straight from the server at every start: a desk set up again (a new PC,
   * a wiped profile) continues its reference numbers instead of handing out one already printed on a letter. The
   * full download brings them too, later; this makes the first case logged after joining safe. Offline: skipped.
   */
  private async takeTeamCounters(remote: PouchDatabase, user: string): Promise<void> {
    let rows;
    try {
      rows = (await remote.allDocs({ ...syncDocIdRange('counter'), include_docs: true })).rows;
    } catch (error) {
      // Said at once (offline, unreachable, signed out), not only once the replication has tried too.
      void this.refreshState('error', error);
      return;
    }
    const mine = rows
      .map((r) => r.doc)
      .filter((d): d is NonNullable<typeof d> => !!d && d.writer === user)
      .map((d) => d.body as { key: string; last: number });
    if (mine.length === 0) return;
    await this.database.transaction('rw', this.database.counters, async () => {
      for (const counter of mine) {
        const here = await this.database.counters.get(counter.key);
        if (!here || here.last < counter.last)
          await this.database.counters.put({ key: counter.key, last: counter.last });
      }
    });
  }

  /** Stop syncing (the desk keeps its copy). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.countersTaken?.();
    const replication = this.replication;
    this.replication = null;
    if (replication) {
      replication.cancel();
      // Its last requests end before the database closes.
      await Promise.resolve(replication).catch(() => {});
    }
    if (this.roundTimer) clearTimeout(this.roundTimer);
    this.roundTimer = null;
    this.outboxWatch?.unsubscribe();
    this.outboxWatch = null;
    this.removeOnline?.();
    this.removeOnline = null;
    this.retryNow = null;
    await this.queue.catch(() => {});
    await this.pushSent;
    await this.local?.close().catch(() => {});
    this.local = null;
    this.remote = null;
    this.bridge = null;
    this.leading = false;
    this.releaseLock?.();
    this.releaseLock = null;
  }

  /**
   * Join: upload what this desk holds that the team should have from it (bridge.ts uploadsOnJoin: never a copy of what
   * the team deleted or erased, as a desk that left and restored an older backup holds), keep the membership, start.
   * The team's server is asked which documents it holds; if it cannot answer, the desk stays alone and this throws.
   * Refused (JoinRefusedError, nothing sent, the desk alone as before) when the team holds one of this desk's provider
   * or procedure-version ids with other content (`idClashes`).
   */
  async join(membership: Omit<TeamMembership, 'joinedAt' | 'localStore'>): Promise<void> {
    this.database.sharing = true;
    let take: { notUploaded: string[]; remove: string[] } | null = null;
    let resend = false;
    let bases: Record<string, string> = {};
    try {
      // Providers and procedures count: a set-up desk with no case yet still has its own letterhead to keep.
      const holds =
        (await this.database.cases.count()) +
        (await this.database.people.count()) +
        (await this.database.providers.count()) +
        (await this.database.procedures.count());
      if (holds > 0) {
        const remote = await this.pouch.remote(`${membership.serverUrl}/${encodeURIComponent(membership.database)}`);
        // A team database never written to (its update sequence 0, or CouchDB's "0-…") holds none of this desk's.
        const empty = String((await remote.info()).update_seq).split('-')[0] === '0';
        if (!empty) {
          take = await this.providersToLeave(remote);
          const clashes = [
            ...(await referenceClashes(this.database, remote, membership.user)),
            ...(await idClashes(this.database, remote, membership.user, new Set(take?.notUploaded))),
          ];
          if (clashes.length) throw new JoinRefusedError(clashes);
        }
        const left = (await this.database.meta.get(LEFT_IN_STEP_KEY))?.value as LeftInStep | undefined;
        // Only for the team it left (one server and database): another team's copies are not the ones it was in step with.
        const sameTeam = left?.team === teamOf(membership);
        const rejoin = await rejoinPlan(this.database, empty ? undefined : remote, sameTeam ? left : { cases: {} });
        await enqueueAll(
          this.database,
          empty ? undefined : teamCopiesIn(remote),
          new Set(take?.notUploaded),
          rejoin.unchanged,
        );
        bases = rejoin.bases;
        // The team keeps its own copies of entries, letters and files (not uploaded over: uploadsOnJoin), so the
        // erasures this desk made while it was not in the team are sent once the team's documents are here.
        resend = !empty && (await anonymisedHere(this.database)).size > 0;
      }
    } catch (error) {
      this.database.sharing = false;
      await this.database.outbox.clear();
      throw error;
    }
    await this.database.meta.bulkPut([
      ...(take ? [{ key: TAKE_PROVIDERS_KEY, value: { remove: take.remove } satisfies TakeTeamProviders }] : []),
      ...(resend ? [{ key: RESEND_ERASURES_KEY, value: true }] : []),
      ...(Object.keys(bases).length ? [{ key: REJOIN_BASES_KEY, value: bases }] : []),
      {
        key: MEMBERSHIP_KEY,
        value: { ...membership, joinedAt: new Date().toISOString(), localStore: 'indexeddb' } satisfies TeamMembership,
      },
    ]);
    await this.database.meta.delete(LEFT_IN_STEP_KEY);
    // As the join's questions above, through a handle not closed here: the factory may hand out one shared handle (the
    // tests' server), which the replication goes on using; an HTTP handle holds nothing open.
    const remote = await this.pouch.remote(`${membership.serverUrl}/${encodeURIComponent(membership.database)}`);
    await claimPrefix(this.database, remote, Number(todayIso().slice(0, 4)));
    this.resendPending = resend;
    await this.start();
  }

  /** The team's server, while sharing runs (TeamSync.lead). */
  private remote: PouchDatabase | null = null;
  /**
   * Whether the rejoin bases could not be fetched at the start (the server lost since the join): the bridge's push
   * waits, so that no change is written into the local copy beside its base, until the server answers again
   * (`scheduleRetakeBases`).
   */
  private basesPending = false;
  private retakingBases = false;

  /** The bridge's push, unless it waits for the rejoin bases (`basesPending`). */
  private pushOutbox(): Promise<number> | undefined {
    return this.basesPending ? Promise.resolve(0) : this.bridge?.push();
  }

  /**
   * A desk that joined its team again: the team's revisions its changes follow (`rejoinPlan`), copied from the server
   * into the new local PouchDB with their histories before the first push, and recorded as the revisions those cases
   * are in step with (syncRevs), so each change is written on top of its revision and goes up as the next revision of
   * the team's copy. A server lost since the join (`last` false: at the start): the push waits until it answers again
   * and they are asked for once more (`last`), the team's copies pulled meanwhile then merged from them as any change
   * made on an older revision is. If the server cannot give them then either, the push goes on without them: each
   * such case is merged with the team's copy with no revision both grew from, as before (every field that differs is
   * offered as "Changed at two desks").
   */
  private async takeRejoinBases(local: PouchDatabase, remote: PouchDatabase, last: boolean): Promise<void> {
    const bases = (await this.database.meta.get(REJOIN_BASES_KEY))?.value as Record<string, string> | undefined;
    this.basesPending = false;
    if (!bases) return;
    const refs = Object.keys(bases);
    const taken = new Set<string>();
    try {
      for (let i = 0; i < refs.length; i += REJOIN_BATCH) {
        const docs = refs.slice(i, i + REJOIN_BATCH).map((id) => ({ id, rev: bases[id] }));
        const { results } = await remote.bulkGet({ docs, revs: true });
        const got = results.flatMap((r) => r.docs.flatMap((d) => (d.ok && !d.ok._deleted ? [d.ok] : [])));
        if (got.length) await local.bulkDocs(got, { new_edits: false });
        await this.database.syncRevs.bulkPut(
          got.map((d) => ({ ref: d._id, rev: d._rev!, body: d.body as Record<string, unknown> })),
        );
        for (const d of got) taken.add(d._id);
      }
    } catch (error) {
      void this.refreshState('error', error);
      if (!last) return void (this.basesPending = true);
    }
    // A base not had: the revision is still recorded (with no body), so a team copy the local one already holds (pulled
    // while the push waited, or before a restart) is merged with the change, never written over by it.
    const missed = refs.filter((ref) => !taken.has(ref));
    if (missed.length) await this.database.syncRevs.bulkPut(missed.map((ref) => ({ ref, rev: bases[ref] })));
    await this.database.meta.delete(REJOIN_BASES_KEY);
  }

  /** The rejoin bases asked for again once the server answers (`basesPending`), then the push that waited for them. */
  private scheduleRetakeBases(): void {
    if (this.retakingBases) return;
    this.retakingBases = true;
    void this.enqueue(async () => {
      const { local, remote } = this;
      if (local && remote && this.basesPending) await this.takeRejoinBases(local, remote, true);
      // The push in the same turn: the replication sends what it writes and says so with its own events (a status
      // said after the push, as schedulePush does, could come after those and leave "Syncing…" standing).
      return this.pushOutbox();
    })
      .then((written) => {
        // Nothing written (each row's document held it already): no replication event follows.
        if (!written) void this.refreshState(() => this.lastWord.event);
      }, noMore)
      .finally(() => (this.retakingBases = false));
  }

  /**
   * A desk with no case joining a team that has providers takes the team's (TakeTeamProviders): its providers, and
   * the procedure versions they use, are not uploaded. Null: the desk uploads its own as any desk does (it has a case,
   * or the team has no provider yet, so the desk's become the team's).
   */
  private async providersToLeave(remote: PouchDatabase): Promise<{ notUploaded: string[]; remove: string[] } | null> {
    if ((await this.database.cases.count()) > 0) return null;
    const team = await remote.allDocs({ ...syncDocIdRange('provider') });
    if (!team.rows.some((r) => r.value && !r.value.deleted)) return null;
    const providers = await this.database.providers.toArray();
    const uses = new Set(providers.map((p) => p.procedureId));
    const procedures = (await this.database.procedures.toArray()).filter((r) => uses.has(r.id));
    const notUploaded = [
      ...providers.map((p) => syncDocId('provider', p.id)),
      ...procedures.map((r) => syncDocId('procedure', r.key)),
    ];
    const { rows } = await remote.allDocs({ keys: notUploaded });
    const held = new Set(rows.filter((r) => r.value && !r.value.deleted).map((r) => r.key));
    return { notUploaded, remove: notUploaded.filter((ref) => !held.has(ref)) };
  }

  /**
   * A desk that joined taking the team's providers (TakeTeamProviders): the team's providers and the procedure
   * versions they use are replicated first and taken in by the bridge; then, in one transaction, the desk's own are
   * removed and its usual provider becomes the team's first active one (in the intake's order). Removed only what was
   * never shared and nothing uses: one a case logged meanwhile uses, or one sent or waiting to be sent (changed here
   * while the desk could not reach the server) is kept, and uploaded. Offline: tried again at the next start, the desk
   * working with its own providers meanwhile.
   */
  private async takeTeamProviders(local: PouchDatabase, remote: PouchDatabase): Promise<void> {
    const take = (await this.database.meta.get(TAKE_PROVIDERS_KEY))?.value as TakeTeamProviders | undefined;
    if (!take) return;
    try {
      const providers = (await remote.allDocs({ ...syncDocIdRange('provider'), include_docs: true })).rows.filter(
        (r) => r.doc && !r.value?.deleted,
      );
      const uses = new Set(providers.map((r) => (r.doc?.body as { procedureId?: unknown } | undefined)?.procedureId));
      const procedures = (await remote.allDocs({ ...syncDocIdRange('procedure') })).rows.filter(
        (r) => !r.value?.deleted && uses.has(procedureIdOf(r.id)),
      );
      const ids = [...providers, ...procedures].map((r) => r.id);
      if (ids.length) await this.pouch.sync(local, remote, { doc_ids: ids, checkpoint: false });
    } catch {
      return;
    }
    await this.enqueue(() => this.bridge!.pull());
    const sent = new Set((await local.allDocs({ keys: take.remove })).rows.filter((r) => r.value).map((r) => r.key));
    const db = this.database;
    await db.transaction('rw', [db.settings, db.providers, db.procedures, db.cases, db.outbox, db.meta], async (tx) => {
      writingFromTeam(tx);
      const cases = await db.cases.toArray();
      const waiting = new Set((await db.outbox.bulkGet(take.remove)).map((row) => row?.ref));
      const used = new Set([
        ...cases.map((c) => syncDocId('provider', c.providerId ?? '')),
        ...cases.map((c) => `procedure-id:${c.procedureId}`),
      ]);
      const usedByCase = (ref: string) => used.has(ref) || used.has(`procedure-id:${procedureIdOf(ref)}`);
      const mine = new Set(take.remove);
      const teams = (await db.providers.toArray()).filter((p) => !mine.has(syncDocId('provider', p.id)));
      // None of the team's could be taken in (each said as a problem): the desk keeps and uploads its own.
      const gone = teams.length
        ? take.remove.filter((ref) => !sent.has(ref) && !waiting.has(ref) && !usedByCase(ref))
        : [];
      const held = new Set([
        ...(await db.providers.toCollection().primaryKeys()).map((k) => syncDocId('provider', k)),
        ...(await db.procedures.toCollection().primaryKeys()).map((k) => syncDocId('procedure', k)),
      ]);
      const upload = take.remove.filter(
        (ref) => held.has(ref) && !gone.includes(ref) && !sent.has(ref) && !waiting.has(ref),
      );
      const at = new Date().toISOString();
      await db.outbox.bulkPut(upload.map((ref) => ({ ref, token: crypto.randomUUID(), at })));
      const keysOf = (type: 'provider' | 'procedure') =>
        gone.map(parseSyncDocId).flatMap((doc) => (doc?.type === type ? [doc.key] : []));
      await db.providers.bulkDelete(keysOf('provider'));
      await db.procedures.bulkDelete(keysOf('procedure'));
      const row = await db.settings.get('desk');
      const usual = row?.value.defaultProviderId;
      if (row && teams.length && (usual === undefined || gone.includes(syncDocId('provider', usual)))) {
        const first = teams.find((p) => !p.retiredOn) ?? teams[0];
        await db.settings.put({ ...row, value: { ...row.value, defaultProviderId: first.id } });
      }
      await db.meta.delete(TAKE_PROVIDERS_KEY);
    });
    installRows(await db.procedures.toArray());
  }

  private resending = false;
  /**
   * Whether RESEND_ERASURES_KEY is set (null: not read yet). Kept here, so a sync round's "idle" does not read meta
   * for a flag that is almost always absent: read once, set by join(), cleared by resendErasures().
   */
  private resendPending: boolean | null = null;

  /** Run resendErasures after the work queued (once at a time; tried again at the next "synced" if it failed). */
  private scheduleResendErasures(): void {
    if (this.resending) return;
    this.resending = true;
    void this.enqueue(() => this.resendErasures())
      .catch(() => {})
      .finally(() => (this.resending = false));
  }

  /**
   * A desk that joined again holding cases it anonymised itself (RESEND_ERASURES_KEY), once the team's documents are
   * here. The team kept its own copies of those cases' entries, letters and files (a join never uploads a desk's copy
   * of an immutable document over the team's: bridge.ts uploadsOnJoin), and the download brought some back (a letter,
   * an entry another desk added meanwhile). The desk's erasures are applied again (reapplyAnonymisation, the one
   * anonymisation; an open case never: its letters deleted again go to the outbox with that write), and each entry
   * and file of those cases whose team copy differs from the desk's goes through the outbox too, as an erasure at a
   * desk in a team does: the push writes its anonymising revision (`erasedBy`), and every desk takes it in.
   */
  private async resendErasures(): Promise<void> {
    const db = this.database;
    const local = this.local;
    if (!local || !(await db.meta.get(RESEND_ERASURES_KEY))) return;
    // Its deletions and rewrites are written to the outbox in its own transaction (the desk shares).
    await reapplyAnonymisation(db, { today: todayIso(), by: REJOIN_REAPPLY_BY, timelines: true });
    const records = await db.cases.bulkGet([...(await anonymisedHere(db))]);
    const caseIds = records.flatMap((r) => (r?.anonymisedOn ? [r.id] : []));
    // Only the documents whose team copy differs from the desk's row: years of retention runs make many anonymised
    // cases, whose entries the team mostly holds erased already (the push would find each of them the same).
    const differ: string[] = [];
    // An entry's outbox row names its case (the bridge finds the entry through it).
    const caseOf = new Map<string, string>();
    for (let i = 0; i < caseIds.length; i += RESEND_CASES) {
      const some = caseIds.slice(i, i + RESEND_CASES);
      const rows = new Map<string, unknown>();
      for (const e of [...(await timelinesOf(db, some)).values()].flat()) {
        rows.set(syncDocId('entry', e.id), e);
        caseOf.set(syncDocId('entry', e.id), e.caseId);
      }
      for (const { blob: _, ...file } of await db.attachments.where('caseId').anyOf(some).toArray())
        rows.set(syncDocId('attachment', file.id), file);
      const team = await local.allDocs({ keys: [...rows.keys()], include_docs: true });
      // One the team lacks went up with the join.
      for (const row of team.rows)
        if (row.doc && !row.value?.deleted && !sameValue(row.doc.body, rows.get(row.key))) differ.push(row.key);
    }
    await db.transaction('rw', [db.outbox, db.meta], async () => {
      const at = new Date().toISOString();
      await db.outbox.bulkPut(
        differ.map((ref) => {
          const caseId = caseOf.get(ref);
          return { ref, token: crypto.randomUUID(), at, ...(caseId ? { caseId } : {}) };
        }),
      );
      await db.meta.delete(RESEND_ERASURES_KEY);
    });
    this.resendPending = false;
  }

  /** The other desks of the team already using `prefix` for their references (none: this desk may use it). */
  async prefixTakenBy(serverUrl: string, database: string, user: string, prefix: string): Promise<string[]> {
    const remote = await this.pouch.remote(`${serverUrl}/${encodeURIComponent(database)}`);
    try {
      return await prefixUsers(remote, prefix, user);
    } finally {
      await remote.close().catch(() => {});
    }
  }

  /**
   * The prefixes `user` already issues references under in this team from another computer (prefixesIssuedBy); none
   * when this desk is the one that issued them (it left this team with this login, and joins again). Asked before a
   * join: one login on two computers gives one reference to two complaints. A desk that left with another login (or
   * before the login was kept) is asked as any other: it may be joining with another desk's login (explore37-team #3).
   */
  async loginInUseAt(serverUrl: string, database: string, user: string): Promise<string[]> {
    const left = (await this.database.meta.get(LEFT_IN_STEP_KEY))?.value as LeftInStep | undefined;
    const sameLogin = left?.team === teamOf({ serverUrl, database }) && left.user === user;
    const remote = await this.pouch.remote(`${serverUrl}/${encodeURIComponent(database)}`);
    try {
      if (!sameLogin) return await prefixesIssuedBy(remote, user);
      // This desk left with this login: in use elsewhere only if a counter of the login's went on past this desk's
      // since (a computer that replaced this one issued references with it: explore37-team, question 1).
      return await countersMovedOn(this.database, remote, user);
    } finally {
      await remote.close().catch(() => {});
    }
  }

  /**
   * This desk's own cases whose references another desk of the team issues too (referenceClashes): asked before a new
   * prefix is offered, which cannot help them (explore33-team #3). None: the desk may join.
   */
  async referenceClashesAt(serverUrl: string, database: string, user: string): Promise<SharingSaying[]> {
    const remote = await this.pouch.remote(`${serverUrl}/${encodeURIComponent(database)}`);
    try {
      return await referenceClashes(this.database, remote, user);
    } finally {
      await remote.close().catch(() => {});
    }
  }

  /** Leave the team: stop, forget the membership and the sharing state. The desk's cases stay, as its own. */
  async leave(): Promise<void> {
    const membership = await this.membership();
    await this.stop();
    this.database.sharing = false;
    const db = this.database;
    const store = membership ? localStore(db, membership) : null;
    const local = store ? await this.pouch.local(store.name, store.adapter) : null;
    const follows = local ? await revisionsFollowed(db, local) : new Map<string, string[]>();
    await db.transaction('rw', [db.meta, db.outbox, db.syncRevs, db.cases, db.conflicts], async () => {
      // The cases in step with the team now, for a later join (LEFT_IN_STEP_KEY): their row is the body of the
      // revision last taken in or sent, no change waits in the outbox, and no clash is open or settled here.
      const revs = await db.syncRevs.where('ref').startsWith('case:').toArray();
      const ids = revs.map((r) => parseSyncDocId(r.ref)!.key);
      const rows = await db.cases.bulkGet(ids);
      const waiting = await db.outbox.bulkGet(revs.map((r) => r.ref));
      const clashes = await db.conflicts.bulkGet(ids);
      const inStep: Record<string, string> = {};
      // Every case's revision, in step or with a change made here on it (rejoinPlan): ids and times, no personal data.
      const kept: NonNullable<LeftInStep['revs']> = {};
      rows.forEach((row, i) => {
        if (!row) return;
        if (!waiting[i] && !clashes[i] && sameValue(row, revs[i].body)) inStep[row.id] = row.updatedAt;
        const team = revs[i].team?.rev;
        const before = follows.get(revs[i].ref);
        kept[row.id] = {
          rev: revs[i].rev,
          ...(team && team !== revs[i].rev ? { team } : {}),
          updatedAt: row.updatedAt,
          ...(before?.length ? { follows: before } : {}),
        };
      });
      await db.meta.bulkDelete(Object.values(SHARING_META_KEYS));
      await db.outbox.clear();
      await db.syncRevs.clear();
      if (membership)
        await db.meta.put({
          key: LEFT_IN_STEP_KEY,
          value: { team: teamOf(membership), user: membership.user, cases: inStep, revs: kept } satisfies LeftInStep,
        });
    });
    await local?.destroy().catch(() => {});
    this.set({ kind: 'off' }, { refusals: [], problems: [] });
  }

  /**
   * Push and pull once now (tests, and "Sync now"). A server that could not be reached is tried again at once, as when
   * the computer comes back online: PouchDB's own retry may be a minute away, and the person asked now.
   */
  async syncNow(): Promise<void> {
    await this.enqueue(() => this.pushOutbox());
    await this.enqueue(() => this.bridge?.pull());
    const { kind } = this.status.state;
    if (kind === 'unreachable' || kind === 'offline') this.retryNow?.();
  }

  private enqueue<T>(work: () => Promise<T> | undefined): Promise<T | undefined> {
    const run = this.queue.then(async () => {
      if (this.stopped && this.bridge === null) return undefined;
      try {
        return await work();
      } catch (error) {
        if (error instanceof UpdateNeededError) {
          await this.stop();
          this.set({ kind: 'update-needed', message: error.message, said: error.said });
          return undefined;
        }
        // Shown with the status, and tried again at the next change (nothing is lost: the outbox and the checkpoint
        // still hold what was not done).
        const said: SharingSaying = {
          code: 'stopped',
          values: { error: error instanceof Error ? error.message : String(error) },
        };
        this.set(this.status.state, {
          problems: onceEach(this.status.problems, { docId: '', reason: sharingProblemInEnglish(said), said }),
        });
        throw error;
      }
    });
    this.queue = run.catch(() => {});
    return run;
  }

  private schedulePush(): void {
    if (this.pushing) return;
    this.pushing = true;
    void this.enqueue(async () => {
      this.pushing = false;
      return this.pushOutbox();
    }).then(() => {
      // What the push wrote is in the local changes feed too: the pull's checkpoint moves past it (nothing to apply),
      // so the status can tell "all taken in" from "still taking in".
      this.schedulePull();
      // The outbox has changed: the status is said again from what the replication last said. Not a guess of
      // "active": the replication may have sent what the push wrote, and said it was idle, before the push returned
      // (its outbox rows are deleted after the write), and no event would follow to end "Syncing…". Otherwise its
      // "active", as it starts sending, has come first (it is told of the write as it is made, and the push returns
      // after its bookkeeping), and its "paused", once it has sent them, says "Synced".
      void this.refreshState(() => this.lastWord.event);
    }, noMore);
  }

  private schedulePull(): void {
    if (this.roundTimer) clearTimeout(this.roundTimer);
    this.roundTimer = null;
    if (this.pullAgain) return;
    this.pullAgain = true;
    void this.enqueue(async () => {
      this.pullAgain = false;
      this.arrived = 0;
      return this.bridge?.pull();
    }).then(() => {
      void this.refreshState(() => this.lastWord.event);
    }, noMore);
  }

  /** Documents the local PouchDB holds that the bridge has not yet taken into Dexie. */
  private async notYetApplied(): Promise<number> {
    if (!this.local) return 0;
    const since = (await this.database.meta.get(PULLED_SEQ_KEY))?.value as number | string | undefined;
    const pending = await this.local.changes({ since: since ?? 0, limit: 1 });
    return pending.results.length;
  }

  /**
   * Changes made here that the server has not got, as a handler counts them (shared/sync/waiting.ts): the outbox's,
   * and the documents this desk wrote into the local PouchDB since the replication was last idle with the server
   * (read only when it cannot reach it). Other desks' documents the pull brought meanwhile (a download the network
   * cut half-way) are not waiting: they came from the server.
   */
  private async waitingForServer(): Promise<ChangesWaiting> {
    const inOutbox = await this.outboxRefs();
    const { local, user } = this;
    if (!local || !user) return changesWaiting(inOutbox);
    const idle = (await this.database.meta.get(PUSHED_SEQ_KEY))?.value as number | string | undefined;
    // Past the push's last checkpoint too, when that is further: a change sent since the last idle is not waiting.
    const sent = await pushSentThrough(this.database, local);
    const since = typeof idle === 'number' && typeof sent === 'number' ? Math.max(idle, sent) : (idle ?? sent);
    if (since === undefined) return changesWaiting(inOutbox);
    return changesWaiting([...inOutbox, ...(await this.unsentHere(local, user, since))]);
  }

  /**
   * What this desk has that the server has not got, counted now whatever the status says: asked before the desk leaves
   * the team (a desk whose sharing never started, its status "Connecting to the team…", holds its changes in the outbox
   * and said nothing of them; explore40-team #5).
   */
  changesNotSent(): Promise<ChangesWaiting> {
    return this.waitingForServer();
  }

  /** The documents changed here and not yet handed to the local PouchDB (the outbox's keys only). */
  private async outboxRefs(): Promise<string[]> {
    return (await this.database.outbox.toCollection().primaryKeys()) as string[];
  }

  /**
   * The documents counted as changes (a case, a person, a provider, a procedure) this desk wrote into the local PouchDB
   * after `since`. A deletion counts whoever made it (its tombstone names no writer): the push offers it too. Walked from where the last walk stopped while `since` stays the same, so each document of a long
   * spell offline, or of a download cut half-way, is read once, not at every retry.
   */
  private async unsentHere(local: PouchDatabase, user: string, since: number | string): Promise<Set<string>> {
    if (this.unsent?.since !== since) this.unsent = { since, walked: since, refs: new Set() };
    const unsent = this.unsent;
    const mine = writtenHere(user);
    for (;;) {
      const page = await local.changes({ since: unsent.walked, limit: UNSENT_PAGE });
      const counted = page.results
        .map((c) => c.id)
        .filter((id) => {
          const parsed = parseSyncDocId(id);
          return !!parsed && countedOnItsOwn(parsed.type);
        });
      if (counted.length) {
        const { rows } = await local.allDocs({ keys: counted, include_docs: true });
        for (const row of rows) if (row.value?.deleted || (row.doc && mine(row.doc))) unsent.refs.add(row.key);
      }
      unsent.walked = page.last_seq;
      if (page.results.length < UNSENT_PAGE) return unsent.refs;
    }
  }

  /** The last walk of the local changes for what waits (`unsentHere`), from `since`. */
  private unsent: { since: number | string; walked: number | string; refs: Set<string> } | null = null;

  /** The status's evaluations, one after another in the order of the events that asked for them. */
  private stateQueue: Promise<void> = Promise.resolve();

  /**
   * Say the status again after `event`: the replication's word, or, for the bridge's own work, a function choosing it
   * when its turn comes (from what the evaluations before it found). One evaluation at a time, in order: each reads
   * the outbox, the checkpoint and the local PouchDB, so two at once could finish out of order and leave the older
   * event's state on screen ("Syncing…" after "Synced").
   */
  private refreshState(event: StateEvent | (() => StateEvent | null), error?: unknown): Promise<void> {
    const run = this.stateQueue.then(async () => {
      const chosen = typeof event === 'function' ? event() : event;
      if (!chosen) return;
      try {
        // A word of the replication's said again: with its error.
        await this.updateState(chosen, typeof event === 'function' && chosen === 'error' ? this.lastWord.error : error);
      } catch (problem) {
        // Stopped meanwhile (the database closed under it): nothing to say.
        if (!this.stopped) throw problem;
      }
    });
    this.stateQueue = run.catch(() => {});
    return run;
  }

  private async updateState(event: StateEvent, error?: unknown): Promise<void> {
    if (this.stopped || this.status.state.kind === 'update-needed') return;
    // "Synced" only when both directions say they are caught up (a later event of the other side brings it).
    if (event === 'idle' && !(this.caughtUp.pull && this.caughtUp.push)) event = 'active';
    // The computer has no network: whatever the replication last said, changes wait.
    if (typeof navigator !== 'undefined' && navigator.onLine === false) event = 'error';
    const waiting = event === 'error' ? await this.waitingForServer() : changesWaiting(await this.outboxRefs());
    const last = (await this.database.meta.get(LAST_SYNCED_KEY))?.value as string | undefined;
    if (event === 'idle' && (await this.notYetApplied()) > 0) {
      // The server has nothing more to send, but the desk is still taking in what came: not synced yet.
      if (this.downloading)
        return this.set({ kind: 'downloading', done: this.downloading.done, total: this.downloading.total });
      return this.set({ kind: 'syncing', waiting });
    }
    if (event === 'idle') {
      const at = new Date().toISOString();
      const seq = this.local ? (await this.local.info()).update_seq : undefined;
      await this.database.meta.bulkPut([
        { key: LAST_SYNCED_KEY, value: at },
        ...(seq === undefined ? [] : [{ key: PUSHED_SEQ_KEY, value: seq }]),
      ]);
      this.downloading = null;
      // Everything the team holds is here now: the erasures of a desk that joined again go out (its outbox's rows
      // make the state "syncing" again at once).
      this.resendPending ??= (await this.database.meta.get(RESEND_ERASURES_KEY)) !== undefined;
      if (this.resendPending) this.scheduleResendErasures();
      // The server answers again: the rejoin bases it could not give at the start are asked for once more.
      if (this.basesPending) this.scheduleRetakeBases();
      this.set(anyWaiting(waiting) ? { kind: 'syncing', waiting } : { kind: 'synced', at });
      return;
    }
    if (event === 'error') {
      const { status, reason } = pouchError(error);
      if (status === 401) return this.set({ kind: 'signed-out', waiting });
      if (typeof navigator !== 'undefined' && navigator.onLine === false)
        return this.set({ kind: 'offline', waiting, lastSyncedAt: last });
      return this.set({ kind: 'unreachable', waiting, reason, lastSyncedAt: last });
    }
    if (this.downloading)
      return this.set({ kind: 'downloading', done: this.downloading.done, total: this.downloading.total });
    this.set({ kind: 'syncing', waiting });
  }

  private async refused(error: unknown): Promise<void> {
    // PouchDB reports a refused document as { direction, doc: { id, reason } }.
    const outer = (error ?? {}) as { doc?: { id?: string; reason?: string; message?: string } };
    const e = outer.doc ?? (error as { id?: string; reason?: string; message?: string }) ?? {};
    const docId = e.id ?? '';
    const reason = e.reason ?? e.message ?? 'refused';
    if (docId) await forgetRefused(this.database, docId).catch(() => undefined);
    let reference: string | undefined;
    const parsed = parseSyncDocId(docId);
    if (parsed?.type === 'case') reference = (await this.database.cases.get(parsed.key))?.reference;
    else if (parsed?.type === 'entry' || parsed?.type === 'letter') {
      // The document as this desk sent it names its case (an entry is found here only through its case).
      const sent = (await this.local?.get(docId).catch(() => null)) as { body?: { caseId?: unknown } } | null;
      const caseId =
        typeof sent?.body?.caseId === 'string'
          ? sent.body.caseId
          : parsed.type === 'letter'
            ? (await this.database.letters.get(parsed.key))?.caseId
            : undefined;
      if (caseId) reference = (await this.database.cases.get(caseId))?.reference;
    }
    this.set(this.status.state, { refusals: onceEach(this.status.refusals, { docId, reference, reason }) });
  }
}

/**
 * The desk's local PouchDB for a team: one per desk database and team database, in the adapter the desk joined with
 * (a new name for the newer adapter, so it never meets an older desk's database of the other kind).
 */
export function localStore(
  database: RedressDatabase,
  membership: TeamMembership,
): { name: string; adapter: LocalAdapter } {
  const name = `${database.name}-team-${membership.database}`;
  return membership.localStore === 'indexeddb'
    ? { name: `${name}-indexeddb`, adapter: 'indexeddb' }
    : { name, adapter: 'idb' };
}

/**
 * Documents the bridge takes in per pull round during a first download: the bridge's own round (PULL_BATCH), so each
 * table's write is one request of 50 rows or more, which Dexie's live queries record as "the table changed" rather
 * than key by key (docs/performance.md, Sharing).
 */
const PULL_ROUND = 1000;
/** Cases whose entries and files are compared with the team's copies at once when a desk joins again. */
const RESEND_CASES = 200;
/** How long the team server's info is reused (withRecentInfo): PouchDB asks for it after every replication batch. */
const REMOTE_INFO_MAX_AGE_MS = 10_000;
/**
 * How long a request to the team's server may wait for the start of its answer (`answeredWithin`) before it counts as
 * unreachable: far longer than a CouchDB takes to begin answering any request Redress makes, short enough for the
 * status to say so within half a minute of a server or link hanging.
 */
const ANSWER_DEADLINE_MS = 20_000;
/**
 * How long a new reference waits, at the start, for this desk's counters from the team's server (takeTeamCounters).
 * They are read in well under a second from a server that answers; one that does not is treated as offline after this.
 */
const COUNTERS_WAIT_MS = 8_000;
/** Local changes read at a time when counting what waits to be sent (TeamSync.unsentHere). */
const UNSENT_PAGE = 2000;
/** The longest a partial round waits during a download before it is taken in. */
const ROUND_WAIT_MS = 3000;

/**
 * The push's filter: the documents this desk wrote (bridge.ts writtenHere). PouchDB names a replication's checkpoint
 * after its filter's source text; this one has a fixed name instead, so a new build (other minified code) does not
 * send the push back to the start of the local changes feed.
 */
export function pushFilter(user: string): (doc: PouchDoc) => boolean {
  const filter = writtenHere(user);
  filter.toString = () => 'redress-push-written-here-1';
  return filter;
}

/** A push or pull round that failed: already said with the status (TeamSync.enqueue), and tried again later. */
function noMore(): void {}

/** Retry a lost server after 1 s, doubling to at most a minute. */
function backOff(delay: number): number {
  return delay === 0 ? 1000 : Math.min(60_000, delay * 2);
}

/** Marks the push's options (PouchDB gives each side of a sync its own copy, with the side's keys). */
const PUSH_SIDE = 'redressPush';

/** A side's options as PouchDB keeps them while it replicates: what the push's retry starts from. */
export interface RetryOptions {
  since?: number | string;
  [PUSH_SIDE]?: boolean;
}

/**
 * PouchDB's back-off function, which it calls as a method of the failed side's options just before waiting to retry
 * (`opts.back_off_function(delay)`): the push's are handed to `beforePushRetry`.
 */
export function retryingAfter(beforePushRetry: (options: RetryOptions) => void) {
  return function (this: object | undefined, delay: number): number {
    const options = this as RetryOptions | undefined;
    if (options?.[PUSH_SIDE]) beforePushRetry(options);
    return backOff(delay);
  };
}
