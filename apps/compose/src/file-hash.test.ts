import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useHashedFile } from './file-hash.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('useHashedFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'file-hash-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('hands the path on and hashes the file in chunks (larger than one chunk)', async () => {
    const path = join(dir, 'panel.png');
    const bytes = Buffer.alloc(700_000);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7919) % 251;
    await writeFile(path, bytes);
    const seen: (string | Buffer)[] = [];
    const { result, sha256: hash } = await useHashedFile(path, async (input) => {
      seen.push(input);
      return (await readFile(input)).length;
    });
    expect(seen).toEqual([path]);
    expect(result).toBe(bytes.length);
    expect(hash).toBe(sha256(bytes));
  });

  it('uses and hashes one version from memory when the file is replaced while it is read', async () => {
    const path = join(dir, 'panel.png');
    const first = Buffer.from('first version');
    const second = Buffer.from('second version, longer');
    await writeFile(path, first);
    const seen: (string | Buffer)[] = [];
    const { result, sha256: hash } = await useHashedFile(path, async (input) => {
      seen.push(input);
      if (seen.length === 1) {
        // Replaced the way the panel cache writes: a new file renamed over the old one.
        await writeFile(join(dir, 'next.tmp'), second);
        await rename(join(dir, 'next.tmp'), path);
      }
      return typeof input === 'string' ? 'by path' : input.toString();
    });
    expect(seen).toHaveLength(2);
    expect(result).toBe(second.toString());
    expect(hash).toBe(sha256(second));
  });

  it('fails when the file cannot be read', async () => {
    await expect(useHashedFile(join(dir, 'missing.png'), async () => 1)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
