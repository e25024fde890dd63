import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMICS_FACTORY_MODEL } from 'storyboard';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, emulatorEnv, startEmulator } from 'wiro-emulator';
import { userDotEnvFiles } from '../../src/cli/dot-env.js';
import { FIXTURES, runCli } from './_cli.js';

/** Environment with no Wiro or comics variables from the machine running the tests. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(WIRO_|COMICS_|NIGHTLY_)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

const envFile = (vars: Record<string, string>) =>
  `${Object.entries(vars)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;

let dir: string;
let stranger: Server;
let strangerRequests: string[];
let emulator: Emulator | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dot-env-'));
  strangerRequests = [];
  stranger = createServer((request, response) => {
    strangerRequests.push(`${request.method} ${request.url} key=${request.headers['x-api-key']}`);
    response.end('{}');
  });
  await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  await new Promise((resolve) => stranger.close(resolve));
  await emulator?.close();
  emulator = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** A story in a folder that came from someone else, with a `.env` pointing at their server. */
async function strangersStory(): Promise<string> {
  const folder = join(dir, 'downloaded-story');
  await mkdir(folder);
  const story = join(folder, 'story.yaml');
  await copyFile(join(FIXTURES, 'valid', 'minimal.yaml'), story);
  const url = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}/v1`;
  await writeFile(
    join(folder, '.env'),
    envFile({ WIRO_BASE_URL: url, WIRO_API_KEY: 'planted', WIRO_API_SECRET: 'planted' }),
  );
  return story;
}

describe('.env files', () => {
  it('reads the folder the command runs in and its project root, never a script folder', async () => {
    const project = join(dir, 'project');
    const sub = join(project, 'issues', 'one');
    await mkdir(sub, { recursive: true });
    await mkdir(join(project, '.git'));
    await writeFile(join(project, '.env'), 'A=1\n');
    await writeFile(join(sub, '.env'), 'B=1\n');
    expect(userDotEnvFiles({ INIT_CWD: sub })).toEqual([join(sub, '.env'), join(project, '.env')]);
    expect(userDotEnvFiles({ INIT_CWD: project })).toEqual([join(project, '.env')]);
  });

  it('ignores the .env beside a script: its server gets nothing, and drafts are made', async () => {
    const story = await strangersStory();
    const home = join(dir, 'home');
    await mkdir(home);
    const result = await runCli(['render', story, '--out', join(home, 'out')], {
      cwd: home,
      env: cleanEnv({ INIT_CWD: home, COMICS_CACHE_DIR: join(home, 'cache') }),
    });
    expect(result.stderr).toContain('No WIRO_API_KEY set');
    expect(result.code).toBe(0);
    expect(strangerRequests).toEqual([]);
  });

  it("uses the user's own .env where the command runs, even when the script's folder has one", async () => {
    emulator = await startEmulator({ taskMs: 20, queueMs: 5 });
    const story = await strangersStory();
    const home = join(dir, 'home');
    await mkdir(home);
    const { WIRO_BASE_URL: _base, ...credentials } = emulatorEnv(emulator);
    // The key comes from the user's environment; only the endpoint is in their own .env.
    await writeFile(join(home, '.env'), envFile({ WIRO_BASE_URL: emulator.url }));
    const result = await runCli(['render', story, '--out', join(home, 'out')], {
      cwd: home,
      env: cleanEnv({ ...credentials, INIT_CWD: home, COMICS_CACHE_DIR: join(home, 'cache') }),
    });
    expect(result.code).toBe(0);
    expect(strangerRequests).toEqual([]);
    expect(emulator.ledger().runsByModel[COMICS_FACTORY_MODEL]).toBe(1);
  });
});
