import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, expect, it } from 'vitest';
import { type CliHarness, FIXTURES, startCliHarness } from './_cli.js';

let h: CliHarness;
afterEach(async () => {
  await h?.close();
});

const COMPLETE = join(FIXTURES, 'valid', 'complete.yaml');

it('--print cmyk writes the print edition next to the PDF and records it in the manifest', async () => {
  h = await startCliHarness();
  const result = await h.run([
    COMPLETE,
    '--print',
    'cmyk',
    '--format',
    'pages,pdf',
    '--no-upscale',
  ]);
  expect(result.code, result.stderr).toBe(0);
  const out = join(h.dir, 'out', 'the-drowned-harbor-003');
  const files = await readdir(out);
  expect(files).toContain('the-drowned-harbor-003.pdf');
  expect(files).toContain('the-drowned-harbor-003-cmyk.pdf');
  expect(files.some((name) => name.endsWith('.cbz'))).toBe(false);
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
  const kinds = manifest.outputs.map((output: { kind: string }) => output.kind);
  expect(kinds).toContain('pdf-cmyk');
  const cmyk = await readFile(join(out, 'the-drowned-harbor-003-cmyk.pdf'));
  expect(cmyk.toString('latin1')).toContain('/ColorSpace /DeviceCMYK');
  // The page files stay sRGB at the script's dpi.
  const [page] = (await readdir(join(out, 'pages'))).filter((name) => name.endsWith('.jpg'));
  const meta = await sharp(join(out, 'pages', page as string)).metadata();
  expect(meta.icc?.length).toBeGreaterThan(0);
  expect(meta.space).toBe('srgb');
}, 90_000);

it('refuses an unknown print edition with exit 2 and one line, before any request', async () => {
  h = await startCliHarness();
  const result = await h.run([COMPLETE, '--print', 'rgb']);
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/--print rgb: choose cmyk/),
  ]);
  expect(h.emulator.ledger().requests).toEqual([]);
});
