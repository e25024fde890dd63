/**
 * The bad-input corpus: every invalid fixture of the script format (one per validation rule, each
 * with its expected line and column) plus file-level cases, run through the real `render`
 * command. Each must exit 2 naming file:line:column, reach no server, and write no file.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from 'wiro-emulator';
import { cliEnv, FIXTURES, runCli } from './_cli.js';

interface Case {
  name: string;
  file: string;
  line: number;
  column: number;
}

const INVALID = join(FIXTURES, 'invalid');
const scratch = await mkdtemp(join(tmpdir(), 'bad-input-'));
const cases: Case[] = [];
for (const name of (await readdir(INVALID)).filter((f) => f.endsWith('.yaml')).sort()) {
  const expected = JSON.parse(
    await readFile(join(INVALID, name.replace(/\.yaml$/, '.expect.json')), 'utf8'),
  );
  const first = expected.issues[0];
  cases.push({ name, file: join(INVALID, name), line: first.line, column: first.column });
}
// File-level cases the YAML fixtures cannot express.
const extra: Array<[string, string | Buffer | 'directory' | 'missing']> = [
  ['missing-file.yaml', 'missing'],
  ['a-directory.yaml', 'directory'],
  ['empty-file.yaml', ''],
  ['binary-file.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff, 0xfe])],
  ['two-megabytes.yaml', `title: big\n# ${'x'.repeat(2 * 1024 * 1024)}\npages: []\n`],
];
for (const [name, content] of extra) {
  const file = join(scratch, 'inputs', name);
  await mkdir(join(scratch, 'inputs'), { recursive: true });
  if (content === 'directory') await mkdir(file);
  else if (content !== 'missing') await writeFile(file, content);
  cases.push({ name, file, line: 1, column: 1 });
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ taskMs: 20 });
});
afterAll(async () => {
  await emulator.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('the bad-input corpus', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  describe.concurrent.each(cases)('$name', ({ name, file, line, column }) => {
    it(`exits 2 naming ${basename(file)}:${line}:${column}, with no request and no output`, async () => {
      const dir = await mkdtemp(join(scratch, 'run-'));
      const result = await runCli(['render', file], {
        cwd: dir,
        env: cliEnv(emulator, dir),
      });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`${name}:${line}:${column}`);
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it('sent nothing to the server for any of them', () => {
    expect(emulator.ledger().requests).toEqual([]);
  });
});
