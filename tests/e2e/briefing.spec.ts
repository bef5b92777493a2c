import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { test, expect } from './fixtures';

// The briefing pack, downloaded from the real app and read back in Node: the PPTX as a zip of XML,
// the PDF through pdf.js. Expectations come from the bundled file and the UI, not from the code.

interface Bundled {
  title: string;
  version: string;
  actors: { id: string; name: string }[];
  sources: { id: string; url: string | null }[];
  observations: { id: string; date: string; actor: string; speaker: string; quote: string }[];
}
const bundled = JSON.parse(readFileSync('public/data/stances.json', 'utf8')) as Bundled;

const xmlText = (xml: string) =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((m) => m[1]!)
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Observations inside the days the file name gives (stance_<actors>_<from>_<to>.ext). */
function viewObservations(fileName: string) {
  const m = /^stance_[^_]+_(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\.\w+$/.exec(fileName);
  expect(m, fileName).not.toBeNull();
  const [from, to] = [m![1]!, m![2]!];
  return bundled.observations.filter((o) => o.date.slice(0, 7) >= from.slice(0, 7) && o.date <= `${to}~`);
}

async function download(page: Page, item: string) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  const file = await downloaded;
  const bytes = readFileSync(await file.path());
  // BRIEF_KEEP=<folder> keeps the files to look at (docs/slide.png is made from one).
  if (process.env.BRIEF_KEEP) writeFileSync(join(process.env.BRIEF_KEEP, file.suggestedFilename()), bytes);
  return { name: file.suggestedFilename(), bytes };
}

async function readPdf(bytes: Buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  const first = await doc.getPage(1);
  const [, , width, height] = first.view;
  return { numPages: doc.numPages, text: squash(pages.join(' ')), width: width!, height: height! };
}

test('Download slide (PPTX) gives one 16:9 slide with the title, the figure and quoted evidence in its notes', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(90_000);
  await page.goto('./');
  await expect(page.getByRole('figure', { name: /^Stance over time/ })).toBeVisible();
  const title = await page.getByRole('textbox', { name: 'Figure title' }).inputValue();
  const { name, bytes } = await download(page, 'Download slide (PPTX)');
  expect(name).toMatch(/^stance_all_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.pptx$/);
  await expect(page.getByText(`Downloaded ${name}.`)).toBeVisible();

  const zip = await JSZip.loadAsync(bytes);
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  expect(slides).toEqual(['ppt/slides/slide1.xml']);
  const presentation = await zip.file('ppt/presentation.xml')!.async('string');
  // 16:9: 13.333 × 7.5 inches in EMU.
  expect(presentation).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);

  const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
  const slideText = xmlText(slide);
  expect(slideText).toContain(title);
  expect(slide).toMatch(/<p:pic>[\s\S]*r:embed="rId\d+"/);
  const rels = await zip.file('ppt/slides/_rels/slide1.xml.rels')!.async('string');
  const image = /Target="\.\.\/media\/([^"]+\.png)"/.exec(rels)?.[1];
  expect(image).toBeTruthy();
  const png = await zip.file(`ppt/media/${image}`)!.async('nodebuffer');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1600);
  // The source line is editable text on the slide.
  expect(slideText).toMatch(/Sources: /);
  expect(slideText).toContain(`${bundled.title} v${bundled.version}`);

  const notesFile = Object.keys(zip.files).find((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
  expect(notesFile).toBeTruthy();
  const notes = squash(xmlText(await zip.file(notesFile!)!.async('string')));
  const view = viewObservations(name);
  const cited = view.filter((o) => notes.includes(`“${squash(o.quote)}”`));
  expect(cited.length).toBeGreaterThan(0);
  // Each quote with its speaker and date (two observations may share a quote: one of them is meant).
  for (const o of cited) {
    const same = view.filter((x) => squash(x.quote) === squash(o.quote));
    expect(same.some((x) => notes.includes(`${x.speaker}, ${x.date}`))).toBe(true);
  }
  // Without pivots drawn: the most extreme and the latest observation of each actor.
  expect(notes).toContain('Most extreme and latest observation per actor');
  expect(consoleErrors).toEqual([]);
});

test('the slide and brief writers load only when chosen, with a busy state while they work', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(90_000);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('./');
  await expect(page.getByRole('figure', { name: /^Stance over time/ })).toBeVisible();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Download slide (PPTX)' })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(scripts.filter((u) => /slide-pptx|pdf-brief/.test(u))).toEqual([]);
  const button = page.getByRole('button', { name: 'Export', exact: true });
  const downloaded = page.waitForEvent('download');
  await button.click();
  await page.getByRole('menuitem', { name: 'Download slide (PPTX)' }).click();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  await downloaded;
  await expect(button).not.toHaveAttribute('aria-busy');
  expect(scripts.some((u) => /slide-pptx/.test(u))).toBe(true);
  expect(scripts.some((u) => /pdf-brief/.test(u))).toBe(false);
  expect(consoleErrors).toEqual([]);
});

test('Download brief (PDF) gives one Letter page for en-US with the title, pivots quoted and source URLs', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await page.getByRole('button', { name: 'Show analysis' }).click();
  await expect(page.getByRole('table', { name: 'Pivots' })).toBeVisible();
  const title = await page.getByRole('textbox', { name: 'Figure title' }).inputValue();
  const { name, bytes } = await download(page, 'Download brief (PDF)');
  expect(name).toMatch(/^stance_all_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(page.getByText(`Downloaded ${name}.`)).toBeVisible();

  const pdf = await readPdf(bytes);
  expect(pdf.numPages).toBe(1);
  expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([612, 792]);
  expect(pdf.text).toContain(squash(title));
  // The pivots, each with a quote of the view (long ones cut at a word with "…").
  expect(pdf.text).toContain('Pivots in view (largest shift first)');
  const view = viewObservations(name);
  const quoted = view.filter((o) => pdf.text.includes(`“${squash(o.quote).slice(0, 60)}`));
  expect(quoted.length, pdf.text).toBeGreaterThan(0);
  const urls = bundled.sources.map((s) => s.url).filter((u): u is string => !!u);
  expect(urls.some((u) => pdf.text.includes(u))).toBe(true);
  expect(pdf.text).toContain(`${bundled.title}, version ${bundled.version}`);
  // Unicode survives as text: the dataset title's en dash and the scores' minus signs.
  expect(pdf.text).toContain('–');
  expect(pdf.text).toMatch(/−\d/);
  // The figure is drawn as vector with its text: its end labels name actors.
  expect(bundled.actors.some((a) => pdf.text.includes(a.name))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test.describe('in a British browser', () => {
  test.use({ locale: 'en-GB' });
  test('the brief is one A4 page', async ({ page, consoleErrors }) => {
    test.setTimeout(120_000);
    await page.goto('./');
    await expect(page.getByRole('figure', { name: /^Stance over time/ })).toBeVisible();
    const { bytes } = await download(page, 'Download brief (PDF)');
    const pdf = await readPdf(bytes);
    expect(pdf.numPages).toBe(1);
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([595, 842]);
    expect(pdf.text).toContain('Most extreme and latest observation per actor');
    expect(consoleErrors).toEqual([]);
  });
});

test('names in Cyrillic and with diacritics, curly quotes and dashes survive into the PDF as text', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  const keep = new Set(['trump', 'russia', 'europe']);
  const rename: Record<string, string> = { russia: 'Россия (Кремль)', europe: 'Łódź–Kraków “Coalition”' };
  const data = {
    ...bundled,
    id: 'unicode-e2e',
    title: 'Stance’s “Unicode” test — Ελλάδα',
    version: '1.0',
    actors: bundled.actors.filter((a) => keep.has(a.id)).map((a) => ({ ...a, name: rename[a.id] ?? a.name })),
    observations: bundled.observations
      .filter((o) => keep.has(o.actor))
      .map((o) => (o.actor === 'trump' ? { ...o, speaker: 'Дональд Трамп (Żurawski)' } : o)),
  };
  await page.goto('./');
  await page.getByLabel('Open dataset file (JSON or CSV)').setInputFiles({
    name: 'unicode.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data)),
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.title);
  const { bytes } = await download(page, 'Download brief (PDF)');
  const pdf = await readPdf(bytes);
  expect(pdf.numPages).toBe(1);
  for (const text of ['Россия (Кремль)', 'Łódź–Kraków “Coalition”', 'Дональд Трамп (Żurawski)', data.title])
    expect(pdf.text).toContain(text);
  expect(consoleErrors).toEqual([]);
});
