import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { PDFDocument } from 'pdf-lib';
import { afterEach, expect, it } from 'vitest';
import { type CliHarness, startCliHarness } from './_cli.js';

let h: CliHarness;
afterEach(async () => {
  await h?.close();
});

const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The XMP packet of a PDF, as pdfkit writes it (uncompressed). */
function xmpPacket(pdf: Buffer): string {
  const text = pdf.toString('utf8');
  const start = text.indexOf('<?xpacket begin');
  const end = text.indexOf('<?xpacket end="w"?>');
  expect(start).toBeGreaterThan(-1);
  return text.slice(start, end + '<?xpacket end="w"?>'.length);
}

it('writes well-formed, escaped XMP metadata for titles and names with markup characters', async () => {
  h = await startCliHarness();
  const story = join(h.dir, 'story.yaml');
  await writeFile(
    story,
    [
      'title: Tom & Jerry <Redux>',
      "writer: '</Writer><Writer>x'",
      'summary: A "cat" & a <b>mouse</b>',
      'pages:',
      '  - panels:',
      '      - A kitchen at night',
      '',
    ].join('\n'),
  );
  const out = join(h.dir, 'out');
  const result = await h.run(['render', story, '--out', out, '--format', 'pdf']);
  expect(result.code, result.stderr).toBe(0);
  const pdfName = (await readdir(out)).find((name) => name.endsWith('.pdf'));
  const pdfPath = join(out, pdfName as string);
  const bytes = await readFile(pdfPath);
  const packet = xmpPacket(bytes);
  if (hasXmllint) {
    const xmlFile = join(h.dir, 'xmp.xml');
    await writeFile(xmlFile, packet);
    execFileSync('xmllint', ['--noout', xmlFile]);
  }
  type Item = { 'rdf:li': string };
  type DublinCore = Record<string, { 'rdf:Alt'?: Item; 'rdf:Seq'?: Item }>;
  const xml = new XMLParser({ ignoreAttributes: true }).parse(packet);
  const descriptions = xml['x:xmpmeta']['rdf:RDF']['rdf:Description'] as DublinCore[];
  const dc = descriptions.find((d) => 'dc:title' in d) as DublinCore;
  expect(dc['dc:title']?.['rdf:Alt']?.['rdf:li']).toBe('Tom & Jerry <Redux>');
  expect(dc['dc:creator']?.['rdf:Seq']?.['rdf:li']).toBe('</Writer><Writer>x');
  expect(dc['dc:description']?.['rdf:Alt']?.['rdf:li']).toBe('A "cat" & a <b>mouse</b>');
  // The Info dictionary says the same.
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  expect(pdf.getTitle()).toBe('Tom & Jerry <Redux>');
  expect(pdf.getAuthor()).toBe('</Writer><Writer>x');
});
