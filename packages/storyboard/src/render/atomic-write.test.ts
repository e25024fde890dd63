import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAtomicWriteStream, writeFileAtomic } from './atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('writeFileAtomic replaces the file and reports size and SHA-256', async () => {
    const path = join(dir, 'a.txt');
    await writeFile(path, 'old');
    const written = await writeFileAtomic(path, 'new content');
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect(written).toEqual({
      bytes: 11,
      sha256: createHash('sha256').update('new content').digest('hex'),
    });
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('a stream shows nothing at the final path until committed', async () => {
    const path = join(dir, 'b.bin');
    const out = createAtomicWriteStream(path);
    out.stream.write(Buffer.from('part one, '));
    expect(await readdir(dir)).not.toContain('b.bin');
    out.stream.end(Buffer.from('part two'));
    const written = await out.commit();
    expect(await readFile(path, 'utf8')).toBe('part one, part two');
    expect(written.bytes).toBe(18);
    expect(await readdir(dir)).toEqual(['b.bin']);
  });

  it('an aborted stream leaves neither the file nor its temporary file', async () => {
    const path = join(dir, 'c.bin');
    await writeFile(path, 'previous');
    const out = createAtomicWriteStream(path);
    out.stream.write(Buffer.alloc(1000));
    await out.abort();
    expect(await readdir(dir)).toEqual(['c.bin']);
    expect(await readFile(path, 'utf8')).toBe('previous');
  });
});
