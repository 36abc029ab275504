// The door of the palette feature: what the app and other features may use of it.
export { CommandPalette, PaletteButton, PaletteShortcut, openPalette } from './CommandPalette';
