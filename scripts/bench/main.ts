/**
 * `pnpm bench [--quick] [--only scheduling,endtoend,night,noop,startup,compose,parse,placement] [--runs N] [--out file.json]`: the
 * benchmarks behind the README's figures. Prints JSON and writes it to bench-results/ (or --out).
 * Never part of the test suite's pass/fail.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runComposeBench } from './compose.js';
import { type EndToEndResult, measureEndToEnd } from './end-to-end.js';
import { describeEnvironment } from './environment.js';
import { measureNight, type NightResult } from './night.js';
import { measureNoopRebuild } from './noop-rebuild.js';
import { runParseBench } from './parse.js';
import { runPlacementBench } from './placement.js';
import { measureScheduling, type SchedulingResult } from './scheduling.js';
import { measureStartup } from './startup.js';
import { round, spread } from './stats.js';
import { checkTarget, type Target } from './target.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string' },
    out: { type: 'string' },
  },
});
const quick = values.quick ?? false;
const runs = Number(values.runs ?? (quick ? 1 : 3));
const only = new Set(
  (values.only ?? 'scheduling,endtoend,night,noop,startup,compose,parse,placement').split(','),
);
const log = (line: string) => process.stderr.write(`${line}\n`);
const results: Record<string, unknown> = {};
const targets: Target[] = [];

if (only.has('scheduling')) {
  const base = quick
    ? { panels: 48, concurrency: 12, taskMs: 1000 }
    : { panels: 240, concurrency: 24, taskMs: 2000 };
  const cases = [
    { key: 'schedulingSocket', socket: true, upscaleShare: 0, want: 0.95 },
    { key: 'schedulingPolling', socket: false, upscaleShare: 0, want: 0.85 },
    // Half the panels chain an upscale after their generation (one concurrency limit for both).
    { key: 'schedulingChains', socket: true, upscaleShare: 0.5, want: 0.95 },
  ];
  for (const { key, socket, upscaleShare, want } of cases) {
    const samples: SchedulingResult[] = [];
    for (let i = 0; i < runs; i++) {
      const sample = await measureScheduling({ ...base, socket, upscaleShare });
      log(
        `${key} run ${i + 1}: efficiency ${sample.efficiency}, ${sample.requestsPerTask} requests/task`,
      );
      samples.push(sample);
    }
    const efficiency = spread(samples.map((s) => s.efficiency));
    results[key] = {
      ...base,
      socket,
      upscaleShare,
      tasks: samples[0]!.tasks,
      idealMs: samples[0]!.idealMs,
      makespanMs: spread(samples.map((s) => s.makespanMs)),
      efficiency,
      requestsPerTask: spread(samples.map((s) => s.requestsPerTask)),
      peakInFlight: Math.max(...samples.map((s) => s.peakInFlight)),
    };
    targets.push(checkTarget(`${key}.efficiency`, efficiency.median, `>= ${want}`));
    if (key === 'schedulingSocket') {
      const requests = spread(samples.map((s) => s.requestsPerTask)).median;
      targets.push(checkTarget('schedulingSocket.requestsPerTask', requests, '<= 4'));
    }
  }
}

if (only.has('endtoend')) {
  const samples: EndToEndResult[] = [];
  for (let i = 0; i < runs; i++) {
    const sample = await measureEndToEnd(
      quick ? { taskMs: 800, concurrency: 4 } : { taskMs: 2000, concurrency: 4 },
    );
    log(
      `end to end run ${i + 1}: tasks ${sample.tasksMs} ms, then ${sample.tailMs} ms (${sample.tailInPages} pages of compose)`,
    );
    samples.push(sample);
  }
  const tail = spread(samples.map((s) => s.tailInPages));
  results.endToEnd = {
    ...samples[0],
    tailMs: spread(samples.map((s) => s.tailMs)),
    tailInPages: tail,
  };
  targets.push(checkTarget('endToEnd.tailInPages', tail.median, '<= 1'));
}

if (only.has('night')) {
  // Five issues of different lengths, generation only (no upscale tasks), compose left out.
  const base = quick
    ? { panels: [7, 5, 9, 3, 6], concurrency: 4, taskMs: 1000 }
    : { panels: [14, 9, 17, 5, 11], concurrency: 8, taskMs: 2000 };
  const samples: NightResult[] = [];
  for (let i = 0; i < runs; i++) {
    const sample = await measureNight(base);
    log(
      `night run ${i + 1}: ${sample.tasks} tasks in ${sample.makespanMs} ms (first Run after ${sample.firstRunMs} ms, render span ${sample.renderSpanMs} ms), ideal ${sample.idealMs} ms (+${round(sample.overIdeal * 100, 1)}%), one issue after another ${sample.oneAfterAnotherMs} ms, peak ${sample.peakInFlight} in flight`,
    );
    samples.push(sample);
  }
  const overIdeal = spread(samples.map((s) => s.overIdeal));
  results.night = {
    ...base,
    upscale: false,
    tasks: samples[0]!.tasks,
    idealMs: samples[0]!.idealMs,
    oneAfterAnotherMs: samples[0]!.oneAfterAnotherMs,
    makespanMs: spread(samples.map((s) => s.makespanMs)),
    overIdeal,
    peakInFlight: Math.max(...samples.map((s) => s.peakInFlight)),
  };
  targets.push(checkTarget('night.overIdeal', overIdeal.median, '<= 0.05'));
}

if (only.has('noop')) {
  const noop = await measureNoopRebuild(quick ? 60 : 240, Math.max(3, runs));
  log(`no-op rebuild of ${noop.panels} panels: median ${noop.noopSeconds.median} s`);
  results.noopRebuild = noop;
  targets.push(checkTarget('noopRebuild.seconds', noop.noopSeconds.median, '< 1'));
}

if (only.has('startup')) {
  const startup = await measureStartup(quick ? 5 : 10);
  log(
    `start-up: --help median ${startup.helpSeconds.median} s, validate median ${startup.validateSeconds.median} s (empty cache: ${startup.validateColdSeconds.median} s)`,
  );
  results.startup = startup;
  targets.push(
    checkTarget('startup.helpSeconds', startup.helpSeconds.median, '< 0.3'),
    checkTarget('startup.validateSeconds', startup.validateSeconds.median, '< 0.6'),
  );
}

if (only.has('compose')) {
  const compose = await runComposeBench({ quick, runs, log });
  results.compose = compose.results;
  targets.push(...compose.targets);
}

if (only.has('parse')) results.parse = runParseBench({ runs, log, targets });

if (only.has('placement')) {
  const placement = await runPlacementBench({ quick, log });
  results.placement = placement.results;
  targets.push(...placement.targets);
}

const report = {
  environment: describeEnvironment(),
  quick,
  runs,
  results,
  targets: targets.map((t) => ({ ...t, value: round(t.value) })),
};
const json = `${JSON.stringify(report, null, 2)}\n`;
const out = values.out
  ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
  : join(
      dirname(new URL(import.meta.url).pathname),
      '..',
      '..',
      'bench-results',
      `bench-${report.environment.date.replace(/[:.]/g, '-')}.json`,
    );
await mkdir(dirname(out), { recursive: true });
await writeFile(out, json);
process.stdout.write(json);
for (const t of targets) log(`${t.ok ? 'ok  ' : 'MISS'} ${t.name} ${t.target}: ${round(t.value)}`);
log(`written to ${out}`);
