import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'timeout-minutes'?: number;
  needs?: string | string[];
  strategy?: { 'fail-fast'?: boolean; matrix?: { shard?: number[] } };
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: { schedule?: Array<{ cron: string }>; workflow_dispatch?: unknown };
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

/** A GitHub Actions expression as it appears in the file: `${{ … }}`. */
const gh = (expression: string) => `\${{ ${expression} }}`;

const workflow = async () => parse(await read('.github/workflows/nightly.yml')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps ?? []);
const uses = (w: Workflow, action: string) =>
  steps(w).filter((step) => step.uses?.startsWith(`${action}@`));

describe('the nightly workflow', () => {
  it('runs on a schedule off the top of the hour and by hand', async () => {
    const w = await workflow();
    expect(w.on.schedule).toHaveLength(1);
    const [minute, hour] = w.on.schedule![0]!.cron.split(/\s+/);
    expect(Number(minute)).toBeGreaterThan(0);
    expect(Number(minute)).toBeLessThan(60);
    expect(Number.isInteger(Number(hour))).toBe(true);
    expect(w.on).toHaveProperty('workflow_dispatch');
  });

  it('never runs two nights at once, nor cancels one midway, and every job has a timeout', async () => {
    const w = await workflow();
    expect(w.concurrency?.group).toBeTruthy();
    expect(w.concurrency?.['cancel-in-progress']).toBe(false);
    for (const job of Object.values(w.jobs)) expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('installs the pinned pnpm with the frozen lockfile on Node 20', async () => {
    const w = await workflow();
    const pkg = JSON.parse(await read('package.json'));
    const version = String(pkg.packageManager).replace(/^pnpm@/, '');
    const runs = steps(w).flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toContain(`npm i -g pnpm@${version}`);
    expect(runs).toContain('pnpm install --frozen-lockfile');
    expect(uses(w, 'actions/setup-node')[0]?.with?.['node-version']).toBe(20);
    // Every job that runs the repository's code checks it out and installs it once.
    for (const job of Object.values(w.jobs).filter((j) => j.steps?.some((s) => s.run))) {
      expect(job.steps?.filter((s) => s.uses?.startsWith('actions/checkout@'))).toHaveLength(1);
      expect(job.steps?.filter((s) => s.run === 'pnpm install --frozen-lockfile')).toHaveLength(1);
    }
  });

  it('restores and saves the panel cache and journal between runs, keyed by run id', async () => {
    const w = await workflow();
    const caches = [
      ...uses(w, 'actions/cache'),
      ...uses(w, 'actions/cache/restore'),
      ...uses(w, 'actions/cache/save'),
    ];
    expect(caches.length).toBeGreaterThan(0);
    for (const step of caches) {
      expect(String(step.with?.path)).toContain('.cache/comics-factory');
      expect(String(step.with?.key)).toContain(gh('github.run_id'));
      // Each shard its own cache: a script always lands in the same shard.
      expect(String(step.with?.key)).toContain(
        `shard-${gh('matrix.shard')}-of-${gh('strategy.job-total')}-`,
      );
    }
    const restore = caches.find((s) => !s.uses!.startsWith('actions/cache/save@'));
    const prefix = String(restore?.with?.key).replace(gh('github.run_id'), '');
    expect(String(restore?.with?.['restore-keys']).trim()).toBe(prefix);
    const save = caches.find((s) => !s.uses!.startsWith('actions/cache/restore@'));
    expect(save).toBeDefined();
    // A failed issue must not lose the panels paid for before it.
    if (save!.uses!.startsWith('actions/cache/save@')) expect(save!.if).toMatch(/always|cancelled/);
  });

  it('builds the example issues with the Wiro secrets in the environment, and never prints them', async () => {
    const w = await workflow();
    const all = steps(w);
    const nightly = all.find((step) => step.run?.startsWith('pnpm nightly'));
    expect(nightly?.run).toBe(
      `pnpm nightly --issues 'examples/*/story.yaml' --shard ${gh('matrix.shard')}/${gh('strategy.job-total')}`,
    );
    const env = { ...w.env, ...Object.values(w.jobs)[0]?.env, ...nightly?.env };
    expect(env.WIRO_API_KEY).toBe(gh('secrets.WIRO_API_KEY'));
    expect(env.WIRO_API_SECRET).toBe(gh('secrets.WIRO_API_SECRET'));
    for (const step of all.filter((s) => s.run)) {
      expect(step.run).not.toMatch(/secrets\.|WIRO_API_(KEY|SECRET)|printenv|\benv\b\s*$|set -x/m);
    }
  });

  it('builds a matrix of shards, then merges their outputs into one reader', async () => {
    const w = await workflow();
    const build = w.jobs.build!;
    expect(build.strategy?.['fail-fast']).toBe(false);
    expect(build.strategy?.matrix?.shard).toEqual(
      Array.from({ length: build.strategy?.matrix?.shard?.length ?? 0 }, (_, i) => i + 1),
    );
    expect(build.strategy?.matrix?.shard?.length).toBeGreaterThan(1);
    const merge = w.jobs.merge!;
    expect(merge.needs).toBe('build');
    const download = merge.steps?.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    const shardArtifact = build.steps?.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(String(shardArtifact?.with?.name)).toBe(`nightly-shard-${gh('matrix.shard')}`);
    expect(download?.with).toMatchObject({
      pattern: 'nightly-shard-*',
      'merge-multiple': true,
      path: 'out/nightly',
    });
    expect(merge.steps?.some((s) => s.run === 'pnpm nightly --merge')).toBe(true);
    expect(merge.steps?.some((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))).toBe(
      true,
    );
  });

  it('uploads the outputs, and publishes the reader to Pages with the right permissions', async () => {
    const w = await workflow();
    const [artifact] = uses(w, 'actions/upload-artifact');
    expect(artifact?.with?.path).toBe('out/nightly');
    expect(uses(w, 'actions/upload-pages-artifact')[0]?.with?.path).toBe('out/nightly');
    const deploy = Object.values(w.jobs).find((job) =>
      job.steps?.some((step) => step.uses?.startsWith('actions/deploy-pages@')),
    );
    expect(deploy?.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
});
