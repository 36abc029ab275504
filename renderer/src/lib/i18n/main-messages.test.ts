// What the desktop shell's main process says, in the interface language (m17b, issue #17): every code main can send
// has English (shared/ipc/messages.ts's own words) and French, and a failure without a code is shown as it came.
import { describe, expect, it } from 'vitest';
import { MAIN_MESSAGE_CODES, MAIN_MESSAGES_EN, mainFailure, mainMessageInEnglish } from '#shared/ipc/messages';
import { checkServerUrl } from '#shared/security/sharing';
import { enGB, frCA } from './index';
import { failureIn, mainMessageIn } from './main-messages';
import { setFormatLocale } from '../format';
import { en, fr } from '#test/support/translate';

describe('the main process’s messages in the interface language', () => {
  it('has every code in English (shared’s words) and in French (its own words)', () => {
    for (const code of MAIN_MESSAGE_CODES) {
      expect(enGB[`main.${code}`], code).toBe(MAIN_MESSAGES_EN[code]);
      expect(frCA[`main.${code}`], code).toBeTruthy();
      expect(frCA[`main.${code}`], code).not.toBe(enGB[`main.${code}`]);
    }
  });

  it('says the automatic backup’s “too large” in French, the size the French way', () => {
    const failure = mainFailure('auto-backup-too-large', { size: { bytes: 1.5 * 1024 ** 3 }, maxMb: 512 });
    expect(failure.error).toBe(
      'The automatic backup was not written: at 1.50 GB it is larger than the 512 MB an automatic backup can be. Make one with “Make a backup now”, which saves it in pieces.',
    );
    expect(mainMessageIn(en, failure.message)).toBe(failure.error);
    setFormatLocale('fr-CA');
    try {
      expect(failureIn(fr, failure)).toMatch(
        /^La sauvegarde automatique n’a pas été écrite\u00a0: avec 1,50\s?Go, elle dépasse les 512\u00a0Mo permis/u,
      );
      expect(failureIn(fr, failure)).toContain('«\u00a0Faire une sauvegarde maintenant\u00a0»');
    } finally {
      setFormatLocale('en-GB');
    }
  });

  it('says a file not saved in French, and shows a failure without a code as it came', () => {
    const failure = mainFailure('save-disk-full', { file: 'lettre.pdf' });
    expect(mainMessageInEnglish(failure.message)).toBe('Could not save lettre.pdf: the disk is full.');
    expect(failureIn(fr, failure)).toBe('Impossible d’enregistrer lettre.pdf\u00a0: le disque est plein.');
    expect(failureIn(fr, { error: 'Something else' })).toBe('Something else');
  });

  it('says a refused team server in French, the address’s own refusal nested in its place (say7)', () => {
    const checked = checkServerUrl('http://10.0.0.5:5984');
    if (checked.ok) throw new Error('plain http to another computer must be refused');
    const failure = mainFailure('sharing-saved-refused', { problem: { sharingConfig: checked.said } });
    expect(failure.error).toBe(`The saved team server is refused (${checked.problem}); sharing is off.`);
    expect(mainMessageIn(en, failure.message)).toBe(failure.error);
    expect(failureIn(fr, failure)).toBe(
      `Le serveur de l’équipe enregistré est refusé (${fr('sharingConfig.url-plain-http', checked.said.values)})\u00a0; le partage est désactivé.`,
    );
    expect(failureIn(fr, failure)).toMatch(
      /^Le serveur de l’équipe enregistré est refusé \(Refusé\u00a0: http:\/\/10\.0\.0\.5:5984 /u,
    );
  });

  it('says the page’s own print and save failures in French (say7: the browser in web mode)', () => {
    const notLoaded = mainFailure('print-not-loaded');
    expect(notLoaded.error).toBe('Cannot print: the letter did not load for printing.');
    expect(failureIn(fr, notLoaded)).toBe(
      'Impossible d’imprimer\u00a0: la lettre ne s’est pas chargée pour l’impression.',
    );
    const refused = mainFailure('print-refused', { reason: 'blocked' });
    expect(refused.error).toBe('Cannot print: blocked');
    expect(failureIn(fr, refused)).toBe('Impossible d’imprimer\u00a0: blocked');
    expect(failureIn(fr, mainFailure('save-unreadable', { reason: 'moved' }))).toBe(
      'Le fichier n’a pas pu être lu pour être enregistré\u00a0: moved',
    );
  });

  it('says a notification the system would not show, and the web app’s automatic backup, in French (p8e)', () => {
    const unsupported = mainFailure('notify-unsupported');
    expect(unsupported.error).toBe('This system does not support desktop notifications.');
    expect(failureIn(fr, unsupported)).toBe('Ce système ne prend pas en charge les notifications de bureau.');
    const refused = mainFailure('notify-refused', { reason: 'Toast XML is invalid' });
    expect(refused.error).toBe('The notification was not shown: Toast XML is invalid');
    expect(failureIn(fr, refused)).toBe('La notification n’a pas été affichée\u00a0: Toast XML is invalid');
    expect(failureIn(fr, mainFailure('notify-system-refused'))).toBe(
      'La notification n’a pas été affichée\u00a0: le système l’a refusée',
    );
    expect(failureIn(fr, mainFailure('notify-invalid', { reason: 'title: too long' }))).toBe(
      'Impossible d’afficher la notification\u00a0: title: too long',
    );
    const unavailable = mainFailure('web-auto-backup-unavailable');
    expect(unavailable.error).toMatch(/^Automatic daily backup needs the desktop app: a browser cannot save/);
    expect(failureIn(fr, unavailable)).toMatch(/^La sauvegarde automatique quotidienne exige l’application de bureau/);
    const keychain = mainFailure('web-no-keychain');
    expect(mainMessageIn(en, keychain.message)).toBe(keychain.error);
    expect(failureIn(fr, keychain)).toMatch(/^L’application de bureau garde la phrase de passe .* trousseau/);
  });
});
