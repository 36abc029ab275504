// `npm run bench:vs-libreoffice` (issue #19): "Letters to post today" beside a LibreOffice mail merge of the same
// letters, in the same run → prints ONE JSON object.
//
// When `soffice` is not installed (CI) it says so and exits 0. Otherwise it builds the same 200 letters the letters
// benchmark posts (./letters-seed.ts; the app's own builders, in Node under fake-indexeddb) as ONE HTML document, a
// page per letter, with the same words and as much of the layout as HTML allows (margins, sizes, bold, columns as
// tables; the footer and background, which pdfmake places on every page, after each letter's text instead), and times
// `soffice --headless --convert-to pdf` on it (Writer's HTML import and PDF export: a mail-merged document printed to
// PDF): one run to create LibreOffice's profile, untimed, then LO_RUNS (default 3), right before Redress's batch of
// the letters benchmark in the same run. Both wall times and CPU times, and the ratios (LO_KEEP=<dir> keeps the HTML
// and LibreOffice's PDF). Not a test.
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { LetterContent, LetterDocument, LetterStyle, LetterText, Margins } from '#shared/letters/index';
import { localIsoDate } from '#shared/model/dates';
import { getSettings } from '#db/repositories/cases';
import { RedressDatabase } from '#db/schema';
import { timelinesOf } from '#db/timeline';
import { buildDueLetter, lettersToPost } from '#renderer/features/post/batch';
import { LETTERS_DESK, seed } from './letters-seed';
import { lettersBench } from './letters.bench';
import { loadAverage, round } from './support';

const BATCH = Number(process.env.BATCH ?? 200);
const RUNS = Number(process.env.LO_RUNS ?? 3);
const log = (message: string) => process.stderr.write(`[bench:vs-libreoffice] ${message}\n`);

function findSoffice(): string | null {
  if (process.env.SOFFICE) return process.env.SOFFICE;
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

// --- The letters as one HTML document ---------------------------------------------------------------------------

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** pdfmake's margins ([left, top, right, bottom], [horizontal, vertical] or one number) as CSS, in points. */
function cssMargin(m: Margins | undefined): string {
  if (m === undefined) return '';
  const [l, t, r, b] = typeof m === 'number' ? [m, m, m, m] : m.length === 2 ? [m[0], m[1], m[0], m[1]] : m;
  return `margin:${t}pt ${r}pt ${b}pt ${l}pt;`;
}

function css(style: LetterStyle): string {
  return [
    style.fontSize ? `font-size:${style.fontSize}pt;` : '',
    style.bold ? 'font-weight:bold;' : '',
    style.italics ? 'font-style:italic;' : '',
    style.color ? `color:${style.color};` : '',
    style.alignment ? `text-align:${style.alignment};` : '',
    style.lineHeight ? `line-height:${style.lineHeight};` : '',
    cssMargin(style.margin),
  ].join('');
}

function letterHtml(doc: LetterDocument): string {
  const styleOf = (node: LetterStyle & { style?: string | string[] }): LetterStyle => {
    const names = node.style === undefined ? [] : Array.isArray(node.style) ? node.style : [node.style];
    const { style: _style, ...own } = node as LetterStyle & { style?: unknown };
    return Object.assign({}, ...names.map((n) => doc.styles?.[n] ?? {}), own) as LetterStyle;
  };
  const inline = (t: LetterText['text']): string =>
    typeof t === 'string'
      ? escape(t).replace(/\n/g, '<br>')
      : t
          .map((piece) =>
            typeof piece === 'string'
              ? inline(piece)
              : `<span style="${css(styleOf(piece))}">${inline(piece.text)}</span>`,
          )
          .join('');
  const block = (node: LetterContent): string => {
    if (typeof node === 'string') return `<p>${escape(node)}</p>`;
    if ('text' in node) return `<p style="${css(styleOf(node))}">${inline(node.text)}</p>`;
    if ('stack' in node) return `<div style="${css(styleOf(node))}">${node.stack.map(block).join('')}</div>`;
    if ('columns' in node)
      return `<table style="width:100%;border-collapse:collapse;${css(styleOf(node))}"><tr>${node.columns
        .map(
          (c) =>
            `<td style="vertical-align:top;padding:0;${typeof c.width === 'number' ? `width:${c.width}pt;` : ''}">${block(c)}</td>`,
        )
        .join('')}</tr></table>`;
    return '<hr>';
  };
  const background = doc.background?.(1);
  const footer = doc.footer?.(1, 1);
  return [background ? block(background) : '', ...doc.content.map(block), footer ? block(footer) : ''].join('\n');
}

/** The same letters the benchmark's batch makes, built by the app's own code, as one HTML document. */
async function lettersAsHtml(): Promise<{ html: string; letters: number }> {
  await seed(Math.ceil(BATCH / 2), Math.floor(BATCH / 2));
  const database = new RedressDatabase();
  await database.open();
  const settings = (await getSettings(database)) ?? LETTERS_DESK;
  const today = localIsoDate(new Date());
  const due = (await lettersToPost(database, today, settings)).filter((l) => !l.cannotPrint);
  const ids = [...new Set(due.map((l) => l.caseId))];
  const records = await database.cases.bulkGet(ids);
  const eventsOf = await timelinesOf(database, ids);
  database.close();
  const recordOf = new Map(ids.map((id, i) => [id, records[i]!]));
  const first = due.map(
    (l) =>
      buildDueLetter(l.kind, {
        record: recordOf.get(l.caseId)!,
        events: eventsOf.get(l.caseId)!,
        settings,
        today,
        by: settings.handlerName,
        progress: '',
      }).doc,
  );
  const page = first[0];
  const m = page.pageMargins;
  const [l, t, r, b] = typeof m === 'number' ? [m, m, m, m] : m.length === 2 ? [m[0], m[1], m[0], m[1]] : m;
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Letters to post</title><style>
@page { size: 210mm 297mm; margin: ${t}pt ${r}pt ${b}pt ${l}pt; }
body { font-family: Roboto, 'Liberation Sans', Arial, sans-serif; ${css(page.defaultStyle ?? {})} }
p { margin: 0; }
.letter + .letter { page-break-before: always; }
</style></head><body>
${first.map((doc) => `<div class="letter">${letterHtml(doc)}</div>`).join('\n')}
</body></html>`;
  return { html, letters: first.length };
}

// --- LibreOffice -------------------------------------------------------------------------------------------------

/** CPU time of this process's waited-for children so far (LibreOffice's, once each run has ended), in ms. */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

function convert(soffice: string, dir: string, input: string): { ms: number; cpuMs: number } {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const run = spawnSync(
    soffice,
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--infilter=HTML (StarWriter)',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      join(dir, 'out'),
      input,
    ],
    { encoding: 'utf8' },
  );
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
  return { ms: round(ms), cpuMs: round(childrenCpuMs() - cpu0) };
}

async function main() {
  const soffice = findSoffice();
  if (!soffice) {
    console.log(
      JSON.stringify({
        libreOffice: null,
        message:
          'LibreOffice (soffice) is not installed, so there is nothing to compare with. To run this comparison install it (Debian: apt-get install --no-install-recommends libreoffice-writer-nogui) or set SOFFICE=<path>.',
      }),
    );
    return;
  }
  const loadAtStart = loadAverage();
  const dir = mkdtempSync(join(tmpdir(), 'redress-vs-libreoffice-'));
  try {
    log('building the letters as one HTML document…');
    const { html, letters } = await lettersAsHtml();
    const input = join(dir, 'letters-to-post.html');
    writeFileSync(input, html);
    const version = spawnSync(soffice, ['--version'], { encoding: 'utf8' }).stdout.trim();
    let libreOffice: { runs: Array<{ ms: number; cpuMs: number }>; pages: number; bytes: number } | undefined;
    const redress = await lettersBench({
      beforeBatch: async () => {
        log(`LibreOffice: one run to set up its profile, then ${RUNS} timed…`);
        convert(soffice, dir, input);
        const runs = Array.from({ length: RUNS }, () => convert(soffice, dir, input));
        const pdf = readFileSync(join(dir, 'out', 'letters-to-post.pdf'));
        const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
        libreOffice = { runs, pages, bytes: statSync(join(dir, 'out', 'letters-to-post.pdf')).size };
        // LO_KEEP=<dir>: keep the HTML and LibreOffice's PDF, to look at.
        if (process.env.LO_KEEP) {
          mkdirSync(process.env.LO_KEEP, { recursive: true });
          copyFileSync(input, join(process.env.LO_KEEP, 'letters-to-post.html'));
          copyFileSync(join(dir, 'out', 'letters-to-post.pdf'), join(process.env.LO_KEEP, 'letters-to-post.pdf'));
        }
      },
    });
    if (!libreOffice) throw new Error('LibreOffice did not run');
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const loMs = median(libreOffice.runs.map((r) => r.ms));
    const loCpuMs = median(libreOffice.runs.map((r) => r.cpuMs));
    console.log(
      JSON.stringify(
        {
          letters,
          libreOffice: {
            version,
            medianMs: loMs,
            medianCpuMs: loCpuMs,
            runs: libreOffice.runs,
            pages: libreOffice.pages,
            pdfBytes: libreOffice.bytes,
          },
          redress: {
            batchMs: redress.batch.ms,
            rendererCpuMs: redress.batch.rendererCpuMs,
            rendererCpuMsByThread: redress.batch.rendererCpuMsByThread,
            pages: redress.batch.pages,
            oneLetterWarmMs: redress.oneLetterWarmMs,
          },
          // Redress's time over LibreOffice's: at or under 1 is no slower.
          ratio: Math.round((redress.batch.ms / loMs) * 100) / 100,
          cpuRatio: Math.round((redress.batch.rendererCpuMs / loCpuMs) * 100) / 100,
          loadAverage: { start: loadAtStart, end: loadAverage() },
          targets: {
            noSlowerThanLibreOffice: { value: redress.batch.ms, target: `≤ ${loMs} ms`, ok: redress.batch.ms <= loMs },
            batch: redress.targets.batch,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
