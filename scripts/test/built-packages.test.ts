import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, emulatorEnv, startEmulator } from 'wiro-emulator';
import { findStalePackages } from '../../tooling/build-stamp.mjs';

/**
 * The packages as a plain Node program sees them: compiled by `turbo run build` (what
 * `pnpm install` runs), imported without tsx or any export condition.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WIRO_CORE = join(ROOT, 'packages', 'wiro-core');
const RENDER_BIN = join(ROOT, 'apps', 'compose', 'bin', 'comics-render.mjs');
const run = promisify(execFile);

/** The environment of a plain `node` started from a shell: no loader, no condition, no pnpm. */
function plainEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  delete env.INIT_CWD;
  return env;
}

let scratch: string;
let emulator: Emulator;

beforeAll(async () => {
  const turbo = createRequire(import.meta.url).resolve('turbo');
  await run(process.execPath, [turbo, 'run', 'build', '--output-logs=errors-only'], { cwd: ROOT });
  scratch = await mkdtemp(join(tmpdir(), 'built-packages-'));
  emulator = await startEmulator({ taskMs: 40, queueMs: 5 });
}, 600_000);

afterAll(async () => {
  await emulator?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the build', () => {
  it('stamps every dist/ with the source it was built from', () => {
    expect(findStalePackages(join(ROOT, 'apps', 'compose'))).toEqual([]);
  });
});

describe('wiro-core in a workspace app without tsx', () => {
  /** A scratch app that depends on wiro-core through a link, as `pnpm add wiro-core` makes it. */
  async function createApp(): Promise<string> {
    const app = join(scratch, 'app');
    await mkdir(join(app, 'node_modules'), { recursive: true });
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', type: 'module', dependencies: { 'wiro-core': 'workspace:*' } }),
    );
    await symlink(WIRO_CORE, join(app, 'node_modules', 'wiro-core'), 'dir');
    await writeFile(
      join(app, 'script.mjs'),
      `import { createWiroClient } from 'wiro-core';

const wiro = createWiroClient(); // WIRO_API_KEY, WIRO_API_SECRET, WIRO_BASE_URL
const { task, files } = await wiro.generate(
  'Adel_AI/Comics-Factory-v1',
  { prompt: 'ComicsFact1 style. A lighthouse at dawn.', samples: 1, width: 512, height: 384 },
  { outputDir: process.argv[2], timeoutMs: 60_000 },
);
console.log(JSON.stringify({
  resolved: import.meta.resolve('wiro-core'),
  taskid: task.id,
  files: files.map((file) => file.path),
}));
`,
    );
    return app;
  }

  let app: string;
  beforeAll(async () => {
    app = await createApp();
  });

  it('imports the compiled wiro-core and renders a panel on the emulator', async () => {
    const outDir = join(scratch, 'panels');
    const { stdout } = await run(process.execPath, ['script.mjs', outDir], {
      cwd: app,
      env: plainEnv(emulatorEnv(emulator)),
    });
    const result = JSON.parse(stdout) as { resolved: string; taskid: string; files: string[] };

    expect(fileURLToPath(result.resolved)).toBe(join(WIRO_CORE, 'dist', 'index.js'));
    const tasks = emulator.ledger().tasks;
    expect(tasks.map((task) => [task.taskid, task.status, task.billed])).toEqual([
      [result.taskid, 'task_postprocess_end', true],
    ]);
    expect(result.files).toHaveLength(1);
    const image = await sharp(result.files[0]!).metadata();
    expect([image.width, image.height]).toEqual([512, 384]);
  });

  it('gives TypeScript apps the declarations', async () => {
    const resolved = ts.resolveModuleName(
      'wiro-core',
      join(app, 'index.ts'),
      { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
      ts.sys,
    ).resolvedModule;
    expect(resolved?.resolvedFileName).toBe(join(WIRO_CORE, 'dist', 'index.d.ts'));
  });
});

describe('the comics-render bin', () => {
  const render = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [RENDER_BIN, ...args], { cwd: scratch, env: plainEnv(env) });

  it('prints help from the build, with no notice', async () => {
    const { stdout, stderr } = await render(['--help']);
    expect(stdout).toMatch(/^Usage: /m);
    expect(stdout).toContain('Exit codes:');
    expect(stderr).toBe('');
  });

  it('validates the noir example from the build', async () => {
    const story = join(ROOT, 'examples', 'noir', 'story.yaml');
    const { stdout, stderr } = await render(['validate', story]);
    expect(stdout).toBe(`${story}: valid (6 pages, 21 panels, cover)\n`);
    expect(stderr).toBe('');
  });

  it.each([
    ['on Wiro (the test emulator)', 'wiro', []],
    ['as drafts on the embedded emulator', 'draft', ['--draft']],
  ])('renders an issue from the build %s', async (_how, backend, flags) => {
    const dir = await mkdtemp(join(scratch, 'render-'));
    const story = join(dir, 'story.yaml');
    await writeFile(
      story,
      await readFile(join(ROOT, 'packages/storyboard/fixtures/valid/minimal.yaml'), 'utf8'),
    );
    const outDir = join(dir, 'out');
    const { stdout } = await render(
      [story, '--out', outDir, '--json', '--format', 'pages,pdf', ...flags],
      { ...emulatorEnv(emulator), COMICS_CACHE_DIR: join(dir, 'cache') },
    );
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      type: string;
      exitCode: number;
      backend: string;
      outputs: Array<{ kind: string; path: string }>;
    };
    expect(result).toMatchObject({ type: 'result', exitCode: 0, backend });
    const path = (kind: string) =>
      resolve(outDir, result.outputs.find((o) => o.kind === kind)!.path);
    expect((await readFile(path('pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    const page = await sharp(path('page')).metadata();
    expect(page.width).toBeGreaterThan(1000);
  });
});
