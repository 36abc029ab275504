// Node 20.18.3 and later (up to the fix of nodejs/node#60888 / #56542) decode `windows-1252` (and every label the
// Encoding Standard maps to it: iso-8859-1, latin1, us-ascii…) as ISO-8859-1, so bytes 0x80–0x9F come out as C1
// control characters instead of €, ‘ ’ “ ” – — and the rest. Browsers (and so the app, in Chromium) decode them
// right. Tests that read Windows-1252 mail under Node import this first: it corrects the decoder, only when the
// running Node has the bug, by mapping those 32 code points as the Encoding Standard's windows-1252 index does.
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const Original = globalThis.TextDecoder;
if (new Original('windows-1252').decode(Uint8Array.of(0x80)) !== '€') {
  class WhatwgTextDecoder extends Original {
    decode(input?: Parameters<InstanceType<typeof Original>['decode']>[0], options?: { stream?: boolean }): string {
      const text = super.decode(input, options);
      return this.encoding === 'windows-1252'
        ? text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_80_9F[c.charCodeAt(0) - 0x80]))
        : text;
    }
  }
  globalThis.TextDecoder = WhatwgTextDecoder as typeof TextDecoder;
}
