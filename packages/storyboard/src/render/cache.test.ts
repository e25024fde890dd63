import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { PanelCache } from './cache.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('verifies an entry once per instance, and a new instance verifies it again', async () => {
  dir = await mkdtemp(join(tmpdir(), 'panel-cache-'));
  const key = 'ab'.repeat(32);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('body'),
  ]);
  const first = new PanelCache(dir);
  await mkdir(first.folderOf(key), { recursive: true });
  await writeFile(first.imagePath(key, 0), png);
  const sha256 = createHash('sha256').update(png).digest('hex');
  await first.put({
    key,
    taskid: '1',
    cost: 0.01,
    files: [{ name: '0.png', sha256, bytes: png.length }],
  });

  expect(await first.get(key, 1)).toMatchObject({ taskid: '1' });
  expect(await first.get(key, 2)).toBeUndefined();
  await writeFile(first.imagePath(key, 0), 'corrupted');
  expect(await first.get(key, 1)).toMatchObject({ taskid: '1' });
  expect(await new PanelCache(dir).get(key, 1)).toBeUndefined();
});
