// A question with two answers (Mantine's confirm modal), opened with the focus on the answer that changes nothing
// ("Change the date", "Keep it", "Stay"): a key pressed out of habit, Enter or Space, then never saves, removes or
// leaves, and the close button (×), first in the dialog, is not where the focus lands (explore32-desk #6).
import { modals, type OpenConfirmModal } from '@mantine/modals';

export function openConfirm(options: OpenConfirmModal): string {
  return modals.openConfirmModal({
    ...options,
    cancelProps: { 'data-autofocus': true, ...options.cancelProps },
  });
}
