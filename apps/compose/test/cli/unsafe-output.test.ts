import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type CliHarness, FIXTURES, startCliHarness } from './_cli.js';

let h: CliHarness;
afterEach(async () => {
  await h?.close();
});

it('refuses to write or delete through a pages/ link inside --out, before spending anything', async () => {
  h = await startCliHarness();
  const elsewhere = join(h.dir, 'someone-elses-folder');
  await mkdir(elsewhere);
  await writeFile(join(elsewhere, 'page-001.jpg'), 'theirs');
  await writeFile(join(elsewhere, 'page-050.jpg'), 'theirs too');
  const out = join(h.dir, 'out');
  await mkdir(out);
  await symlink(elsewhere, join(out, 'pages'));

  const result = await h.run(['render', join(FIXTURES, 'valid', 'minimal.yaml'), '--out', out]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`${join(out, 'pages')} is a symbolic link`);
  expect(h.emulator.ledger().requests).toEqual([]);
  expect((await readdir(elsewhere)).sort()).toEqual(['page-001.jpg', 'page-050.jpg']);
  expect(await readFile(join(elsewhere, 'page-001.jpg'), 'utf8')).toBe('theirs');
  expect(await readdir(out)).toEqual(['pages']);
});

it('refuses an --out folder that is itself a link', async () => {
  h = await startCliHarness();
  const elsewhere = join(h.dir, 'elsewhere');
  await mkdir(elsewhere);
  const out = join(h.dir, 'out-link');
  await symlink(elsewhere, out);
  const result = await h.run(['render', join(FIXTURES, 'valid', 'minimal.yaml'), '--out', out]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('is a symbolic link');
  expect(await readdir(elsewhere)).toEqual([]);
});
