import { describe, expect, it } from 'vitest';
import { isWindowsDeviceName } from './windows-names';

const DEVICES = [
  'CON',
  'PRN',
  'AUX',
  'NUL',
  'CONIN$',
  'CONOUT$',
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, '¹', '²', '³'].flatMap((d) => [`COM${d}`, `LPT${d}`]),
];

describe('isWindowsDeviceName', () => {
  it.each(DEVICES)('%s is a device in any case, with any extension, and with trailing spaces or dots', (device) => {
    for (const name of [device, device.toLowerCase(), `${device[0]}${device.slice(1).toLowerCase()}`]) {
      for (const form of [
        name,
        `${name}.txt`,
        `${name}.pdf`,
        `${name}.tar.gz`,
        `${name} .pdf`,
        `${name}  .pdf`,
        `${name}.`,
        `${name}...`,
        `${name} `,
        `${name} . .`,
        `${name}.pdf.`,
        `${name}.pdf `,
      ]) {
        expect(isWindowsDeviceName(form), JSON.stringify(form)).toBe(true);
      }
    }
  });

  it.each([
    ['con .pdf', true],
    ['CONIN$', true],
    ['conout$.txt', true],
    ['COM¹', true],
    ['lpt³.log', true],
    ['aux.js', true],
    ['console.pdf', false],
    ['con-1.pdf', false],
    ['icon.png', false],
    ['nul_.txt', false],
    ['_CON', false],
    ['COM10', false],
    ['LPT', false],
    ['com⁴', false],
    ['conin', false],
    ['conin$x', false],
    [' con', false], // Windows keeps leading spaces: " con" is a file
    ['.con', false],
    ['', false],
    ['.', false],
    ['..', false],
    ['aux-3f2a1b.js', false],
    ['index.html', false],
  ])('%j → %s', (name, device) => {
    expect(isWindowsDeviceName(name)).toBe(device);
  });
});
