import { describe, expect, it, vi } from 'vitest';
import { en, fr } from '#test/support/translate';
import { UpdateNeededError } from './bridge';
import { refused, sharingProblemIn, type SharingProblemCode } from './sayings';
import { checkTeamDatabase, signIn, statusLine, waitingLine } from './team';

const answering =
  (...statuses: number[]): typeof fetch =>
  async () => {
    const status = statuses.shift() ?? 200;
    return new Response(JSON.stringify({ doc_count: 3 }), { status });
  };
const unreachable: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

describe('why sharing could not do something, in the interface language', () => {
  const every: SharingProblemCode[] = [
    'wrong-password',
    'sign-in-status',
    'sign-in-unreachable',
    'not-member',
    'no-database',
    'server-status',
    'not-set-up',
    'unreachable',
    'update-needed',
    'stopped',
    'provider-id-clash',
    'procedure-id-clash',
  ];
  const values = {
    status: 500,
    database: 'complaints',
    schema: 2,
    current: 1,
    error: 'TypeError: x',
    name: 'Kijoma',
    id: 'first',
    team: 'Jive',
    version: 1,
  };

  it('every code is said in English and in French, with no English words left in the French', () => {
    for (const code of every) {
      const said = { code, values };
      expect(sharingProblemIn(en, said), code).not.toMatch(/\{|sharingProblem\./);
      // The command to run is a command, in any language.
      const french = sharingProblemIn(fr, said).replace('npm run server:setup', '');
      expect(french, code).not.toMatch(/\{|sharingProblem\./);
      expect(french, code).not.toMatch(/\b(the|server|cannot|this desk|sharing)\b/i);
    }
  });

  it('a wrong password, a missing database and an unreachable server carry their saying and the English reason', async () => {
    const wrong = await signIn('https://couch.example', 'desk1', 'nope', answering(401));
    expect(wrong).toEqual(refused('wrong-password'));
    if (wrong.ok) throw new Error('refused');
    expect(wrong.reason).toBe('The server did not accept that user name and password.');
    expect(sharingProblemIn(fr, wrong.said)).toBe(
      'Le serveur n’a pas accepté ce nom d’utilisateur et ce mot de passe.',
    );

    const missing = await checkTeamDatabase('https://couch.example', 'complaints', answering(404));
    expect(missing.ok || sharingProblemIn(fr, missing.said)).toBe(
      'Le serveur n’a pas de base de données «\u00a0complaints\u00a0».',
    );
    expect(missing.ok || missing.reason).toBe('The server has no database "complaints".');

    const notSetUp = await checkTeamDatabase('https://couch.example', 'complaints', answering(200, 404));
    expect(notSetUp.ok || notSetUp.said).toEqual({ code: 'not-set-up', values: { database: 'complaints' } });

    const away = await signIn('https://couch.example', 'desk1', 'pw', unreachable);
    expect(away.ok || away.said.code).toBe('sign-in-unreachable');
  });

  it('says whether the team database holds cases, asking it for one case document, not counting its documents', async () => {
    const asked: string[] = [];
    const server =
      (rows: unknown[]): typeof fetch =>
      async (input) => {
        const url = input instanceof Request ? input.url : input.toString();
        asked.push(url);
        return new Response(JSON.stringify(url.includes('_all_docs') ? { total_rows: 4, rows } : { doc_count: 4 }), {
          status: 200,
        });
      };
    expect(await checkTeamDatabase('https://couch.example', 'complaints', server([]))).toEqual({
      ok: true,
      holdsCases: false,
    });
    const casesAsked = new URL(asked.at(-1)!);
    expect(casesAsked.pathname).toBe('/complaints/_all_docs');
    expect(casesAsked.searchParams.get('limit')).toBe('1');
    expect(JSON.parse(casesAsked.searchParams.get('startkey')!)).toBe('case:');
    expect(JSON.parse(casesAsked.searchParams.get('endkey')!)).toBe('case:\ufff0');
    expect(await checkTeamDatabase('https://couch.example', 'complaints', server([{ id: 'case:1' }]))).toEqual({
      ok: true,
      holdsCases: true,
    });
    expect(en('sharing.connectedEmpty')).toBe('Connected: the team’s database is ready, with no cases in it yet.');
  });

  it('a server that takes the request and never answers is said to be unreachable after 20 s, not waited for', async () => {
    vi.useFakeTimers();
    try {
      // Answers only when aborted, as the browser's fetch does for a request held by a server or link that has hung.
      const hung: typeof fetch = (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)),
        );
      const signing = signIn('https://couch.example', 'desk1', 'pw', hung);
      const checking = checkTeamDatabase('https://couch.example', 'complaints', hung);
      await vi.advanceTimersByTimeAsync(20_000);
      const signed = await signing;
      expect(signed.ok || signed.said).toEqual(refused('sign-in-unreachable').said);
      const checked = await checking;
      expect(checked.ok || checked.said.code).toBe('unreachable');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a desk of a newer format: the error says it in English, the screen in French', () => {
    const error = new UpdateNeededError(2);
    expect(error.message).toMatch(/^A desk of the team writes documents in a newer format \(version 2;/);
    expect(sharingProblemIn(fr, error.said)).toMatch(/^Un poste de l’équipe écrit des documents .*version 2\u00a0;/);
  });
});

it('a second window of a sharing desk says so in the interface language', () => {
  const state = { kind: 'follower', message: 'Sharing runs in another window of this desk' } as const;
  expect(statusLine(state, new Date(), fr)).toBe('Le partage se fait dans une autre fenêtre de ce poste');
  expect(statusLine(state, new Date(), en)).toBe(state.message);
});

describe('what waits to be sent, as a handler counts it', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  it('names the cases changed, and the other changes beside them', () => {
    const offline = (cases: number, other: number) => ({ kind: 'offline', waiting: { cases, other } }) as const;
    expect(statusLine(offline(1, 0), now, en)).toBe('Offline: changes to 1 case waiting');
    expect(statusLine(offline(3, 0), now, en)).toBe('Offline: changes to 3 cases waiting');
    expect(statusLine(offline(2, 1), now, en)).toBe('Offline: changes to 2 cases and 1 other change waiting');
    expect(statusLine(offline(0, 2), now, en)).toBe('Offline: 2 changes waiting');
    expect(statusLine(offline(0, 0), now, en)).toBe('Offline: nothing waiting to be sent');
    expect(statusLine(offline(0, 0), now, fr)).toBe('Hors ligne\u00a0: rien en attente d’envoi');
    expect(statusLine(offline(1, 0), now, fr)).toBe('Hors ligne\u00a0: 1 dossier modifié en attente');
    expect(statusLine(offline(2, 3), now, fr)).toBe(
      'Hors ligne\u00a0: 2 dossiers modifiés et 3 autres modifications en attente',
    );
  });

  it('says the same words on their own, for the question before leaving the team', () => {
    expect(waitingLine({ cases: 2, other: 0 }, en)).toBe('changes to 2 cases waiting');
    expect(waitingLine({ cases: 0, other: 1 }, fr)).toBe('1 modification en attente');
    expect(en('sharing.leaveWaiting', { waiting: waitingLine({ cases: 1, other: 0 }, en) })).toMatch(
      /^The team has not got everything from this desk yet \(changes to 1 case waiting\)\. If you leave now,/,
    );
  });

  it('says "Syncing…" alone when nothing waits', () => {
    expect(statusLine({ kind: 'syncing', waiting: { cases: 0, other: 0 } }, now, en)).toBe('Syncing…');
    expect(statusLine({ kind: 'syncing', waiting: { cases: 1, other: 0 } }, now, en)).toBe(
      'Syncing… changes to 1 case waiting',
    );
  });
});
