// How wide the letter font sets a piece of text, so the layout can tell before rendering whether an address fits the
// envelope window in large print, and how many lines the letterhead and the reference block take. Advance widths of
// Roboto Regular and Medium (pdfmake's Roboto files for normal and bold) for U+0020 to U+017F, in font units (2048
// to the em); any other character counts as a full em, which only overestimates. Generated with fontkit;
// test/unit/letter-font-metrics.test.ts reads the font files again and fails if this table and the fonts disagree.

const FIRST = 0x20;
const UNITS_PER_EM = 2048;
/** Ascender minus descender over units per em: the height pdfmake gives a Roboto line at line height 1. */
export const LETTER_FONT_LINE_FACTOR = (1900 + 500) / UNITS_PER_EM;

/** Roboto Regular, U+0020 to U+017F (0: no glyph). */
// prettier-ignore
export const ROBOTO_REGULAR_WIDTHS: readonly number[] = [
    508, 528, 656, 1261, 1151, 1500, 1274, 358, 701, 713, 882, 1162, 403, 566, 540, 845,
    1151, 1151, 1151, 1151, 1151, 1151, 1151, 1151, 1151, 1151, 496, 433, 1041, 1124, 1071, 968,
    1839, 1336, 1276, 1333, 1344, 1164, 1132, 1395, 1461, 557, 1130, 1285, 1103, 1788, 1461, 1409,
    1292, 1409, 1262, 1216, 1222, 1328, 1304, 1817, 1284, 1230, 1227, 543, 841, 543, 856, 924,
    633, 1114, 1150, 1072, 1155, 1086, 712, 1150, 1128, 498, 490, 1038, 498, 1796, 1131, 1168,
    1150, 1164, 694, 1057, 670, 1129, 992, 1539, 1016, 969, 1016, 693, 500, 693, 1393, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    508, 500, 1121, 1191, 1461, 1076, 492, 1256, 857, 1609, 916, 961, 1134, 566, 1610, 939,
    765, 1095, 751, 751, 642, 1161, 1002, 535, 508, 751, 932, 960, 1500, 1589, 1593, 970,
    1336, 1336, 1336, 1336, 1336, 1336, 1914, 1333, 1164, 1164, 1164, 1164, 557, 557, 557, 557,
    1374, 1461, 1409, 1409, 1409, 1409, 1409, 1093, 1409, 1328, 1328, 1328, 1328, 1230, 1210, 1218,
    1114, 1114, 1114, 1114, 1114, 1114, 1730, 1072, 1086, 1086, 1086, 1086, 507, 507, 507, 507,
    1201, 1131, 1168, 1168, 1168, 1168, 1168, 1170, 1161, 1129, 1129, 1129, 1129, 969, 1180, 969,
    1336, 1114, 1336, 1114, 1336, 1114, 1333, 1072, 1333, 1072, 1333, 1072, 1333, 1072, 1344, 1305,
    1374, 1224, 1164, 1086, 1164, 1086, 1164, 1086, 1164, 1086, 1164, 1086, 1395, 1150, 1395, 1150,
    1395, 1150, 1395, 1150, 1461, 1128, 1435, 1158, 557, 507, 557, 507, 557, 507, 557, 498,
    557, 507, 1687, 988, 1130, 516, 1285, 1038, 1140, 1103, 498, 1103, 498, 1103, 648, 1103,
    718, 1103, 554, 1461, 1131, 1461, 1131, 1461, 1131, 1131, 1419, 1161, 1409, 1168, 1409, 1168,
    1409, 1168, 1953, 1860, 1262, 694, 1262, 694, 1262, 694, 1216, 1057, 1216, 1057, 1216, 1057,
    1216, 1057, 1222, 670, 1222, 710, 1222, 670, 1328, 1129, 1328, 1129, 1328, 1129, 1328, 1129,
    1328, 1129, 1328, 1129, 1817, 1539, 1230, 969, 1230, 1227, 1016, 1227, 1016, 1227, 1016, 508,
];

/** Roboto Medium (bold), U+0020 to U+017F (0: no glyph). */
// prettier-ignore
export const ROBOTO_MEDIUM_WIDTHS: readonly number[] = [
    509, 542, 654, 1235, 1164, 1508, 1313, 343, 709, 716, 908, 1137, 458, 696, 569, 799,
    1164, 1164, 1164, 1164, 1164, 1164, 1164, 1164, 1164, 1164, 540, 491, 1042, 1152, 1064, 996,
    1837, 1358, 1293, 1337, 1337, 1157, 1128, 1395, 1453, 580, 1138, 1294, 1106, 1791, 1453, 1411,
    1307, 1411, 1289, 1240, 1248, 1340, 1322, 1803, 1293, 1251, 1235, 556, 853, 556, 878, 917,
    656, 1104, 1151, 1069, 1154, 1097, 723, 1161, 1138, 522, 514, 1068, 522, 1784, 1140, 1162,
    1151, 1159, 724, 1054, 682, 1139, 1016, 1520, 1030, 1003, 1030, 683, 509, 683, 1357, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    509, 543, 1154, 1205, 1438, 1088, 504, 1273, 914, 1609, 912, 995, 1131, 696, 1610, 986,
    783, 1098, 757, 757, 660, 1217, 1002, 580, 531, 757, 935, 995, 1482, 1570, 1628, 997,
    1358, 1358, 1358, 1358, 1358, 1358, 1918, 1337, 1157, 1157, 1157, 1157, 580, 580, 580, 580,
    1367, 1453, 1411, 1411, 1411, 1411, 1411, 1090, 1409, 1340, 1340, 1340, 1340, 1251, 1231, 1259,
    1104, 1104, 1104, 1104, 1104, 1104, 1730, 1069, 1097, 1097, 1097, 1097, 535, 535, 535, 535,
    1188, 1140, 1162, 1162, 1162, 1162, 1162, 1169, 1158, 1139, 1139, 1139, 1139, 1003, 1169, 1003,
    1358, 1104, 1358, 1104, 1358, 1104, 1337, 1069, 1337, 1069, 1337, 1069, 1337, 1069, 1337, 1304,
    1367, 1260, 1157, 1097, 1157, 1097, 1157, 1097, 1157, 1097, 1157, 1097, 1395, 1161, 1395, 1161,
    1395, 1161, 1395, 1161, 1453, 1138, 1456, 1168, 580, 535, 580, 535, 580, 535, 580, 522,
    580, 535, 1717, 1035, 1138, 549, 1294, 1068, 1178, 1106, 522, 1106, 522, 1106, 672, 1106,
    742, 1124, 594, 1453, 1140, 1453, 1140, 1453, 1140, 1140, 1431, 1158, 1411, 1162, 1411, 1162,
    1411, 1162, 1968, 1854, 1289, 724, 1289, 724, 1289, 724, 1240, 1054, 1240, 1054, 1240, 1054,
    1240, 1054, 1248, 682, 1248, 722, 1248, 682, 1340, 1139, 1340, 1139, 1340, 1139, 1340, 1139,
    1340, 1139, 1340, 1139, 1803, 1520, 1251, 1003, 1251, 1235, 1030, 1235, 1030, 1235, 1030, 519,
];

/** Punctuation beyond U+017F that letters use: non-breaking hyphen, dashes, curly quotes, ellipsis, euro sign. */
export const ROBOTO_EXTRA_WIDTHS: Readonly<Record<number, readonly [regular: number, medium: number]>> = {
  0x2011: [564, 695],
  0x2013: [1344, 1315],
  0x2014: [1599, 1578],
  0x2018: [410, 447],
  0x2019: [410, 442],
  0x201c: [724, 779],
  0x201d: [732, 787],
  0x2026: [1370, 1450],
  0x20ac: [1151, 1164],
};

/** The width of `text` in points at `fontSize`, in Roboto Regular (or Medium, for bold). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const widths = bold ? ROBOTO_MEDIUM_WIDTHS : ROBOTO_REGULAR_WIDTHS;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const known =
      code >= FIRST && code < FIRST + widths.length
        ? widths[code - FIRST]
        : (ROBOTO_EXTRA_WIDTHS[code]?.[bold ? 1 : 0] ?? 0);
    units += known > 0 ? known : UNITS_PER_EM;
  }
  return (units / UNITS_PER_EM) * fontSize;
}

/**
 * How many lines `text` takes in a column `width` points wide, wrapped at spaces as pdfmake wraps it (a non-breaking
 * space does not break). A word wider than the column counts as the lines pdfmake would cut it into.
 */
export function wrappedLineCount(text: string, fontSize: number, width: number, bold = false): number {
  const words = text.split(' ').filter((word) => word.length > 0);
  if (words.length === 0) return 1;
  const space = textWidth(' ', fontSize, bold);
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const w = textWidth(word, fontSize, bold);
    if (used > 0 && used + space + w <= width) {
      used += space + w;
      continue;
    }
    if (used > 0) lines += 1;
    lines += Math.max(0, Math.ceil(w / width) - 1);
    used = w > width ? w - (Math.ceil(w / width) - 1) * width : w;
  }
  return lines;
}

/** A piece of a paragraph as pdfmake sets it: its words, bold or not, and whether it may break at its spaces. */
export interface TextRun {
  text: string;
  bold?: boolean;
  noWrap?: boolean;
}

/**
 * How many lines a paragraph made of pieces (`TextRun`s) takes in a column `width` points wide, wrapped as
 * `wrappedLineCount` wraps one string: at spaces, not inside a no-wrap piece, and a new line at each line break. A word
 * may run across pieces ("20 novembre 2026" in bold, then "."). pdfmake also breaks after a hyphen, so this may count a
 * line more than it sets, never fewer.
 */
export function wrappedRunsLineCount(runs: readonly TextRun[], fontSize: number, width: number): number {
  const space = textWidth(' ', fontSize);
  let lines = 1;
  let used = 0;
  let word = 0;
  let inWord = false;
  const endWord = () => {
    if (!inWord) return;
    if (used > 0 && used + space + word <= width) used += space + word;
    else {
      if (used > 0) lines += 1;
      const cuts = Math.max(0, Math.ceil(word / width) - 1);
      lines += cuts;
      used = word - cuts * width;
    }
    word = 0;
    inWord = false;
  };
  for (const run of runs) {
    for (const ch of run.text) {
      if (ch === '\n') {
        endWord();
        lines += 1;
        used = 0;
      } else if (ch === ' ' && !run.noWrap) endWord();
      else {
        word += textWidth(ch, fontSize, run.bold === true);
        inWord = true;
      }
    }
  }
  endWord();
  return lines;
}
