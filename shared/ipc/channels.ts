// Channel names only, with no dependencies, so the sandboxed preload can import them without bundling zod.
export const IPC_CHANNELS = {
  saveFile: 'redress:save-file',
  notify: 'redress:notify',
  printPdf: 'redress:print-pdf',
  notificationClicked: 'redress:notification-clicked',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];
