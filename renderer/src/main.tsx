import './lib/zod-config';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import './app/a11y.css';
import { installLinkGuard } from './app/linkGuard';
import {
  browserStorageHost,
  deskPlaceChanged,
  holdStorage,
  storageChannel,
  type StorageMessage,
  startStorage,
  tidyAfterMove,
  storageBusy,
} from './db/storage';
import { db, onUpgradeProgress } from './db/schema';
import { prefetchDashboard, startSharedReads } from './db/hooks';
import { todayIso } from './lib/today';
import { errorReason } from './lib/error-reason';
import { afterFirstFrame } from './lib/after-first-frame';
import { startTeamSync } from '#sync';
import { pageLocale, translate } from '#lib/i18n/index';

installLinkGuard(window);
// Another window moved the database ("Compact storage now", a replace-restore): read it from its new place. While it
// moves it, this window writes nothing (a change would be left behind in the old copy), and says so.
let storageOpen = false;
let heldByOther = false;
/** Held (another window moves the desk) or not: no writes here meanwhile, and the note at the top says why. */
function setHeld(on: boolean): void {
  heldByOther = on;
  if (storageOpen) db().held = on;
  showHeldNote(on);
}
function heardFromAnotherWindow(event: MessageEvent<StorageMessage>): void {
  if (event.data === 'moved') return window.location.reload();
  setHeld(event.data === 'hold');
  if (heldByOther) {
    // The moving window holds the storage lock until it is done. Once it lets go, the note of where the desk is says
    // what happened, whether or not its word has arrived yet: moved, or stopped part-way (the mover closed or crashed:
    // the start then deletes the half-made copy), and this window reloads; unchanged, the move failed and was rolled
    // back, and this window carries on without reloading (which would lose what is being typed here).
    void holdStorage(browserStorageHost(), async () => {
      if (!heldByOther) return;
      if (!storageOpen || deskPlaceChanged()) return window.location.reload();
      setHeld(false);
    });
  }
}
const channel = storageChannel();
if (channel) channel.onmessage = heardFromAnotherWindow;

/** The note at the top of the window while another window moves the database. */
function showHeldNote(on: boolean): void {
  document.getElementById('redress-held')?.remove();
  if (!on) return;
  const note = pageAlert('app.heldByMove');
  note.id = 'redress-held';
  note.style.cssText =
    'position:fixed;top:0;left:0;right:0;z-index:10000;margin:0;padding:12px 24px;font-family:sans-serif;' +
    'background:#fff3bf;color:#1a1b1e;border-bottom:2px solid #e67700';
  document.body.append(note);
}

/**
 * The note at the top of the window while the desk's database is upgraded after an update (the version-15 move of the
 * timelines takes minutes at 100,000 cases): how far it has gone, so the window is not simply blank meanwhile.
 */
function showUpgradeNote(progress: { done: number; total: number } | null): void {
  const shown = document.getElementById('redress-upgrading');
  if (!progress) return shown?.remove();
  const text = translate(pageLocale(), 'app.upgrading', progress);
  if (shown) {
    shown.textContent = text;
    return;
  }
  const note = document.createElement('p');
  note.id = 'redress-upgrading';
  note.setAttribute('role', 'status');
  note.lang = pageLocale();
  note.textContent = text;
  note.style.cssText =
    'position:fixed;top:0;left:0;right:0;z-index:10000;margin:0;padding:12px 24px;font-family:sans-serif;' +
    'background:#e7f5ff;color:#1a1b1e;border-bottom:2px solid #1971c2';
  document.body.append(note);
}
onUpgradeProgress(showUpgradeNote);

/** Words the page says before (or without) the app, in the language of the person last working here, from the catalogue. */
function pageAlert(key: 'app.heldByMove' | 'app.databaseError' | 'app.codeError', reason?: string): HTMLElement {
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  const locale = pageLocale();
  // Its language named, so a screen reader reads French words as French on a page still marked as another language.
  alert.lang = locale;
  alert.textContent = translate(locale, key, reason === undefined ? {} : { reason });
  return alert;
}

// A window started while another moves the database waits for the storage lock before it opens the desk (startStorage):
// after half a second it says why, rather than staying blank for the minutes a large restore takes.
const waitingForStorage = setTimeout(
  () =>
    void storageBusy().then((busy) => {
      if (busy && !storageOpen) showHeldNote(true);
    }),
  500,
);

// The app's drawing code (React, Mantine, the screens) loads and runs while the database opens (issue #19). Its
// failure is kept apart from the database's, so the page says which of the two went wrong (say7).
const app = import('./app/boot').then(
  ({ renderApp }) => ({ ok: true as const, renderApp }),
  (error: unknown) => ({ ok: false as const, error }),
);

/** The page's only words when the app cannot start (pageAlert: the language of the person last working here). */
function showStartFailure(key: 'app.databaseError' | 'app.codeError', error: unknown): void {
  const alert = pageAlert(key, errorReason(error));
  alert.style.padding = '24px';
  alert.style.fontFamily = 'sans-serif';
  document.getElementById('root')!.replaceChildren(alert);
}

// The database is opened where the desk keeps it (finishing or rolling back an interrupted compaction first).
// Then sharing with a team starts (a lone desk starts nothing), before the app can write: the outbox is on first.
// The app is drawn as soon as its code has run, without waiting for the database to open (250-400 ms at 100,000
// cases): the header and the navigation at once, the screens and whatever writes once sharing has started (the start
// gate, app/start-gate.ts). What needs the team's server goes on meanwhile (sync/instance.ts). The reads the first
// screen needs are asked at once, while the database opens, in the order they are needed: the settings, the people,
// the desk's team and whose cases it counts first (db/shared-reads.ts: one live query each for the whole window, so
// every part drawn after they answer has them at once), then the dashboard's figures (opening on the dashboard), which
// the screen takes when it mounts (issue #19).
let openFailed = false;
let stopApp: (() => void) | null = null;
startStorage().then(
  () => {
    // For the benchmark (and DevTools): the desk's database found and its schema declared (storage-open), and opened
    // (database-open: IndexedDB opens its files on the first request, 250-400 ms at 100,000 cases in Chromium 156).
    performance.mark('redress:storage-open');
    void db()
      .open()
      .then(
        () => performance.mark('redress:database-open'),
        (error: unknown) => {
          // The app may be drawn already (its shell is drawn before the open): it goes, and the page says why.
          openFailed = true;
          stopApp?.();
          showStartFailure('app.databaseError', error);
        },
      )
      .finally(() => showUpgradeNote(null));
    storageOpen = true;
    clearTimeout(waitingForStorage);
    db().held = heldByOther;
    if (!heldByOther) showHeldNote(false);
    const sharing = startTeamSync();
    startSharedReads();
    // The dashboard's reads after those: a live query asks in a task of its own (Dexie's liveQuery), so this one does too.
    if (window.location.hash === '' || window.location.hash === '#/')
      setTimeout(() => prefetchDashboard(db(), todayIso()), 0);
    return app.then((loaded) => {
      if (!loaded.ok) return showStartFailure('app.codeError', loaded.error);
      if (openFailed) return;
      stopApp = loaded.renderApp(document.getElementById('root')!, sharing);
      // What a move of the database left (the old copy after a restore) is deleted once the desk is open and the
      // first frame after it drawn (or after five seconds in a hidden window, which draws none).
      void sharing.then(() => afterFirstFrame(() => void tidyAfterMove()));
    });
  },
  (error: unknown) => showStartFailure('app.databaseError', error),
);
