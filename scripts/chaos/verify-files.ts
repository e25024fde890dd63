import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

/** Problems found on disk; empty when every file is whole. */
export type FileProblems = string[];

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Every cache entry's images match their recorded sha256 and decode; no temporary file is left. */
export async function verifyCache(cacheDir: string): Promise<FileProblems> {
  const problems: FileProblems = [];
  for (const file of await walk(cacheDir)) {
    if (/\.(part|tmp)$/.test(file)) problems.push(`leftover temporary file ${file}`);
    if (!file.endsWith('entry.json')) continue;
    const entry = JSON.parse(await readFile(file, 'utf8')) as {
      files: Array<{ name: string; sha256: string }>;
    };
    for (const image of entry.files) {
      const path = join(file, '..', image.name);
      const data = await readFile(path).catch(() => undefined);
      if (!data) {
        problems.push(`missing ${path}`);
        continue;
      }
      if (createHash('sha256').update(data).digest('hex') !== image.sha256)
        problems.push(`sha256 mismatch ${path}`);
      await sharp(data)
        .raw()
        .toBuffer()
        .catch(() => problems.push(`undecodable ${path}`));
    }
  }
  return problems;
}

/** Every PDF parses, every CBZ unzips, every page image decodes; no temporary file is left. */
export async function verifyOutputs(outDir: string): Promise<FileProblems> {
  const problems: FileProblems = [];
  for (const file of await walk(outDir)) {
    if (/\.(part|tmp)$/.test(file) || /\.tmp-/.test(file))
      problems.push(`leftover temporary file ${file}`);
    try {
      if (file.endsWith('.pdf')) await PDFDocument.load(await readFile(file));
      else if (file.endsWith('.cbz')) unzipSync(await readFile(file));
      else if (/\.(jpe?g|png)$/.test(file)) await sharp(file).raw().toBuffer();
    } catch (error) {
      problems.push(`corrupt ${file}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Files under `dirs` that contain `secret`. */
export async function findSecret(dirs: string[], secret: string): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const file of await walk(dir)) {
      if ((await readFile(file)).includes(secret)) found.push(file);
    }
  }
  return found;
}
