import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { COMICS_FACTORY_MODEL } from 'storyboard';
import { REAL_ESRGAN } from 'wiro-core';
import { createRandom, emulatorEnv, type LedgerSnapshot, startEmulator } from 'wiro-emulator';
import { spawnTs } from '../../tooling/spawn-ts.js';
import { syntheticStory } from '../lib/synthetic-story.js';
import { findSecret, verifyCache, verifyOutputs } from './verify-files.js';

const RENDER = fileURLToPath(new URL('../../apps/compose/src/cli/main.ts', import.meta.url));

/** Seeded faults on every endpoint, at rates that make a run hit each of them many times. */
export const CHAOS_FAULTS = [
  'Run:http5xx:0.05',
  'Run:http429:0.05:retryAfter=0',
  'Run:dropBeforeAccept:0.03',
  'Run:dropAfterAccept:0.03',
  'Run:malformedJson:0.02',
  'Run:code0:0.02',
  'Run:taskFail:0.05',
  'Run:taskError:0.03',
  'Run:concurrencyBurst:times=4',
  'Task/Detail:http5xx:0.05',
  'Task/Detail:http429:0.03:retryAfter=0',
  'Task/Detail:malformedJson:0.02',
  'Task/Kill:http5xx:0.1',
  'Task/Cancel:http5xx:0.1',
  'download:truncated:0.05',
  'download:http5xx:0.05',
  'download:expired:0.03',
  'Task/List:http5xx:0.05',
  'socket:dropAfterAccept:0.1',
  'socket:malformedJson:0.05',
].join(',');

/** Options of {@link runChaos}. */
export interface ChaosOptions {
  seed: number;
  panels: number;
  concurrency: number;
  /** How many times the render process is killed with SIGKILL before it may finish. */
  crashes: number;
  /** Emulated task duration. */
  taskMs: number;
  log?: (line: string) => void;
}

/** One invariant and whether it held. */
export interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}

/** What a chaos run measured and whether every invariant held. */
export interface ChaosReport {
  options: ChaosOptions;
  ok: boolean;
  invariants: Invariant[];
  processes: number;
  crashes: number;
  requests: number;
  faults: LedgerSnapshot['faults'];
  retries: number;
  acceptedRuns: number;
  /** Billed generation tasks (one per panel when the money rule holds). */
  billedSuccesses: number;
  /** Billed upscale tasks (at most one per panel). */
  billedUpscales: number;
  /** How the render avoided paying twice, and the cases it could not. */
  recovery: {
    /** Tasks found in Task/List and used instead of a new Run (lost replies, killed processes). */
    adoptedTasks: number;
    /** Downloads retried with fresh URLs from Task/Detail. */
    urlRefreshes: number;
    /** Runs Task/List could not settle, with the cause of each. */
    uncertain: string[];
    /** Successes billed beyond one per panel. */
    billedTwice: number;
  };
  maxInFlight: number;
  seconds: number;
}

/** Runs the real `render` command until it completes, killing it `crashes` times on the way. */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const random = createRandom(options.seed);
  const emulator = await startEmulator({
    taskMs: options.taskMs,
    queueMs: 10,
    seed: options.seed,
    faults: CHAOS_FAULTS,
    concurrency: 64,
  });
  const dir = await mkdtemp(join(tmpdir(), 'chaos-'));
  const story = join(dir, 'story.yaml');
  await writeFile(story, syntheticStory(options.panels));
  const env = {
    ...process.env,
    ...emulatorEnv(emulator),
    COMICS_CACHE_DIR: join(dir, 'cache'),
    INIT_CWD: dir,
  };
  const logs: string[] = [];
  let retries = 0;
  let processes = 0;
  let crashes = 0;

  /** One render process; killed with SIGKILL after `killAfter` events when given. */
  const runOnce = (killAfter: number | undefined) =>
    new Promise<number | null>((resolve) => {
      processes++;
      const child = spawnTs(
        RENDER,
        [story, '--json', '--concurrency', String(options.concurrency)],
        { cwd: dir, env },
      );
      let events = 0;
      createInterface({ input: child.stdout }).on('line', (line) => {
        logs.push(line);
        if (line.includes('"type":"retry"')) retries++;
        if (killAfter !== undefined && ++events === killAfter) child.kill('SIGKILL');
      });
      child.stderr.on('data', (chunk) => logs.push(String(chunk)));
      child.on('close', (code) => resolve(code));
    });

  try {
    for (let crash = 0; crash < options.crashes; crash++) {
      const killAfter = 1 + Math.floor(random() * options.panels * 3);
      const code = await runOnce(killAfter);
      if (code === null) crashes++;
      log(
        `process ${processes}: ${code === null ? `killed after ${killAfter} events` : `exited ${code}`}`,
      );
    }
    let code: number | null = null;
    for (let attempt = 0; attempt < 10 && code !== 0; attempt++) {
      code = await runOnce(undefined);
      log(`process ${processes}: exited ${code}`);
    }

    const ledger = emulator.ledger();
    const invariants: Invariant[] = [];
    const check = (name: string, ok: boolean, detail: string) =>
      invariants.push({ name, ok, detail });
    check('the last render completed', code === 0, `exit ${code}`);

    const journal = (
      await readFile(join(dir, 'cache', 'wiro', 'journal.jsonl'), 'utf8').catch(() => '')
    )
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        try {
          return JSON.parse(line) as {
            type: string;
            taskid?: string;
            adopted?: boolean;
            reason?: string;
          };
        } catch {
          return { type: 'torn' };
        }
      });
    const journalled = new Set(journal.filter((r) => r.type === 'accepted').map((r) => r.taskid));
    const billedTwice = Object.values(ledger.billedByInput).reduce(
      (sum, count) => sum + Math.max(0, count - 1),
      0,
    );
    const recovery = {
      adoptedTasks: journal.filter((r) => r.type === 'accepted' && r.adopted).length,
      urlRefreshes: logs.filter((line) => line.includes('"type":"url-refreshed"')).length,
      uncertain: journal.flatMap((r) => (r.type === 'uncertain' ? [r.reason ?? ''] : [])),
      billedTwice,
    };
    // Upscale tasks are billed too (one per panel that needs one); the money rule is the same for
    // both models: every picture paid for once, and every panel's generation paid for exactly once.
    const generations = ledger.tasks.filter((task) => task.model === COMICS_FACTORY_MODEL);
    const billedGenerations = generations.filter((task) => task.billed);
    const upscales = ledger.tasks.filter((task) => task.model === REAL_ESRGAN.model && task.billed);
    check(
      'billed generations = panels: no picture paid for twice',
      billedGenerations.length === options.panels && billedTwice === 0,
      `${billedGenerations.length} generations and ${upscales.length} upscales billed for ${options.panels} panels; ${JSON.stringify(recovery)}`,
    );
    const panelsBilled = new Set(billedGenerations.map((task) => task.inputKey)).size;
    check(
      'every panel rendered as a billed success',
      panelsBilled === options.panels,
      `${panelsBilled} of ${options.panels} inputs billed`,
    );

    const cacheProblems = await verifyCache(join(dir, 'cache'));
    const outputProblems = await verifyOutputs(join(dir, 'out'));
    check(
      'no corrupt or partial file in the cache',
      cacheProblems.length === 0,
      cacheProblems.slice(0, 5).join('; ') || 'all intact',
    );
    check(
      'no corrupt or partial output',
      outputProblems.length === 0,
      outputProblems.slice(0, 5).join('; ') || 'all intact',
    );

    const manifest = JSON.parse(
      await readFile(join(dir, 'out', 'chaos-run-001', 'manifest.json'), 'utf8'),
    ) as {
      panels: Array<{ id: string; source?: { taskid: string; cost: number } }>;
    };
    const mismatches = manifest.panels.filter((panel) => {
      const task = ledger.tasks.find((t) => t.taskid === panel.source?.taskid);
      return !task?.billed || Math.abs(Number(task.totalcost) - (panel.source?.cost ?? -1)) > 1e-9;
    });
    check(
      'the manifest agrees with the ledger on task ids and costs',
      mismatches.length === 0,
      `${mismatches.length} panels disagree`,
    );

    // Tasks no render process ever learned the id of (a lost reply, or a kill between the reply
    // and the journal) cannot be counted against the limit by anyone, billed or not.
    const unaccounted = ledger.tasks.filter((t) => !journalled.has(t.taskid)).length;
    check(
      'tasks in flight never exceeded the concurrency limit (plus tasks nobody could know of)',
      ledger.maxInFlight <= options.concurrency + unaccounted,
      `max ${ledger.maxInFlight}, limit ${options.concurrency}, unknowable tasks ${unaccounted}`,
    );

    await writeFile(join(dir, 'render.log'), logs.join('\n'));
    const leaks = await findSecret([dir], emulator.apiSecret ?? '');
    check(
      'no secret in any output, log or manifest',
      leaks.length === 0,
      leaks.join(', ') || 'none',
    );

    return {
      options,
      ok: invariants.every((i) => i.ok),
      invariants,
      processes,
      crashes,
      requests: ledger.requests.length,
      faults: ledger.faults,
      retries,
      acceptedRuns: ledger.acceptedRuns,
      billedSuccesses: billedGenerations.length,
      billedUpscales: upscales.length,
      recovery,
      maxInFlight: ledger.maxInFlight,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}
