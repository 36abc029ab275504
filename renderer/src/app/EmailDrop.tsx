// An email file dropped anywhere on the window (issue #18): read it and open "New complaint" filled in from it. A drop
// that a zone on the page has already taken, or any drop while a case is open (its attachments take it), is left to
// it; a file that is not an email is refused with the reason. Without this, the browser would open a dropped file in
// place of the app.
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { offerEmailForIntake, readEmailFile } from '#features/mail';
import { emailProblemIn, useT } from '#lib/i18n/index';

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
/** A case page is open: what is dropped anywhere on the window is for that case (its FileDropArea takes it). */
const caseTakesDrops = () => document.querySelector('[data-drop-area]') !== null;

export function EmailDrop() {
  const t = useT();
  const [, navigate] = useLocation();
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (carriesFiles(e) && !e.defaultPrevented && !caseTakesDrops()) {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      }
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e) || e.defaultPrevented || caseTakesDrops()) return;
      e.preventDefault();
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length !== 1) {
        notifications.show({
          color: 'orange',
          title: t('emailDrop.oneAtATime'),
          message: t('emailDrop.oneAtATimeText'),
        });
        return;
      }
      void readEmailFile(files[0]).then((read) => {
        if (!read.ok) {
          notifications.show({
            color: 'red',
            title: t('emailDrop.notAnEmail'),
            message: emailProblemIn(t, read.said),
            autoClose: 10_000,
          });
          return;
        }
        offerEmailForIntake(read.incoming);
        navigate('/new');
      });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [navigate, t]);
  return null;
}
