import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeBuildStamp,
  digestSources,
  findStalePackages,
  SOURCE_CONDITION,
  STAMP_FILE,
} from '../../tooling/build-stamp.mjs';

const LAUNCHER = fileURLToPath(new URL('../../tooling/run-built-or-source.mjs', import.meta.url));

/** Writes `files` (path → text) under `root`. */
async function writeFiles(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

/** Records the current source of the package at `dir` as built, as `pnpm build` would. */
const stamp = (dir: string) => writeFile(join(dir, 'dist', STAMP_FILE), digestSources(dir));

/**
 * A scratch workspace: `app` (a command with src/ and dist/) depends on the workspace package
 * `dep`, linked as pnpm links it. Each file says whether it is the source or the build.
 */
async function createWorkspace(root: string) {
  const app = join(root, 'app');
  const dep = join(root, 'dep');
  await writeFiles(dep, {
    'package.json': JSON.stringify({
      name: 'dep',
      type: 'module',
      exports: { '.': { [SOURCE_CONDITION]: './src/index.ts', import: './dist/index.js' } },
    }),
    'src/index.ts': "export const where: string = 'dep source';\n",
    'dist/index.js': "export const where = 'dep build';\n",
  });
  await writeFiles(app, {
    'package.json': JSON.stringify({
      name: 'app',
      type: 'module',
      dependencies: { dep: 'workspace:*' },
    }),
    'src/main.ts':
      "import { where } from 'dep';\nconst self: string = 'app source';\nconsole.log(self + ', ' + where);\n",
    'dist/main.js': "import { where } from 'dep';\nconsole.log('app build, ' + where);\n",
    'bin/app.mjs': `import { runBuiltOrSource } from ${JSON.stringify(LAUNCHER)};\nawait runBuiltOrSource({ packageDir: ${JSON.stringify(app)}, built: 'dist/main.js', source: 'src/main.ts', name: 'app' });\n`,
  });
  await mkdir(join(app, 'node_modules'));
  await symlink(dep, join(app, 'node_modules', 'dep'), 'dir');
  await stamp(dep);
  await stamp(app);
  return { app, dep };
}

/** Runs the scratch app's bin with plain node. */
async function runApp(app: string) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [join(app, 'bin', 'app.mjs')],
    { env },
  );
  return { stdout: stdout.trim(), stderr: stderr.trim() };
}

describe('runBuiltOrSource', () => {
  let root: string;
  let ws: { app: string; dep: string };
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'built-or-source-'));
    ws = await createWorkspace(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('runs the build, silently, when every build matches its source', async () => {
    expect(findStalePackages(ws.app)).toEqual([]);
    expect(await runApp(ws.app)).toEqual({ stdout: 'app build, dep build', stderr: '' });
  });

  it('runs the source of the app and its dependencies, with a notice, after a dependency changed', async () => {
    await writeFile(
      join(ws.dep, 'src', 'index.ts'),
      "export const where: string = 'dep edited';\n",
    );
    expect(findStalePackages(ws.app)).toEqual(['dep', 'app']);
    const { stdout, stderr } = await runApp(ws.app);
    expect(stdout).toBe('app source, dep edited');
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^app: running from source.*\(the build of dep, app is out of date; `pnpm build`/,
    );
  });

  it('keeps a build stale until it is rebuilt after its dependency changed (it may bundle it)', async () => {
    await writeFile(
      join(ws.dep, 'src', 'index.ts'),
      "export const where: string = 'dep edited';\n",
    );
    await stamp(ws.dep);
    expect(findStalePackages(ws.app)).toEqual(['app']);
  });

  it('counts a new source file and a changed package.json, not a new test', async () => {
    await writeFile(join(ws.app, 'src', 'main.test.ts'), '');
    expect(findStalePackages(ws.app)).toEqual([]);
    await writeFile(join(ws.app, 'src', 'extra.ts'), 'export {};\n');
    expect(findStalePackages(ws.app)).toEqual(['app']);
    await stamp(ws.app);
    await writeFile(join(ws.dep, 'package.json'), '{"name":"dep","type":"module"}');
    expect(findStalePackages(ws.app)).toEqual(['dep', 'app']);
  });

  it('takes unchanged file times as unchanged source once they settled, and reads the source after a write', async () => {
    const writtenAt = Date.now();
    await writeFile(join(ws.app, 'src', 'main.ts'), "console.log('app source');\n");
    // Just written: the stamp records no file times, so launchers read and hash the source.
    expect(
      describeBuildStamp(ws.app, writtenAt + 1000)
        .trim()
        .split('\n'),
    ).toHaveLength(1);
    const [, times] = describeBuildStamp(ws.app, writtenAt + 10_000).split('\n');
    expect(times).toMatch(/^[0-9a-f]{64}$/);
    // A wrong digest beside matching file times: current, so the files were not read.
    await writeFile(join(ws.app, 'dist', STAMP_FILE), `not-the-digest\n${times}\n`);
    expect(findStalePackages(ws.app)).toEqual([]);
    await writeFile(join(ws.dep, 'src', 'index.ts'), "export const where: string = 'dep';\n");
    expect(findStalePackages(ws.app)).toEqual(['dep', 'app']);
  });

  it('records the file times of a current build whose stamp has others (a checkout, a restored build cache)', async () => {
    const later = Date.now() + 10_000;
    const [digest, times] = describeBuildStamp(ws.app, later).split('\n');
    const stampPath = join(ws.app, 'dist', STAMP_FILE);
    await writeFile(stampPath, `${digest}\n${'0'.repeat(64)}\n`);
    expect(findStalePackages(ws.app, later)).toEqual([]);
    expect(await readFile(stampPath, 'utf8')).toBe(`${digest}\n${times}\n`);
    // An edited source is still stale, and its stamp is left as the build wrote it.
    await writeFile(stampPath, `${digest}\n${'0'.repeat(64)}\n`);
    await writeFile(join(ws.app, 'src', 'main.ts'), "console.log('edited');\n");
    expect(findStalePackages(ws.app, Date.now() + 10_000)).toEqual(['app']);
    expect(await readFile(stampPath, 'utf8')).toBe(`${digest}\n${'0'.repeat(64)}\n`);
  });

  it('counts a package that was never built as stale', async () => {
    await rm(join(ws.app, 'dist'), { recursive: true });
    expect(findStalePackages(ws.app)).toEqual(['app']);
    expect((await runApp(ws.app)).stdout).toBe('app source, dep source');
  });
});
