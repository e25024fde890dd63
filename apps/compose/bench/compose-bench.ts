/**
 * Compose benchmark. Generates (once) the benchmark panels of `workload/` into
 * `.bench-cache/panels`, then runs, each in its own child process, compose (lettering, JPEG
 * pages, PDF, CBZ), the bare sharp → JPEG → pdfkit reference (see `reference-pipelines.ts`) and,
 * when installed, ImageMagick montage + img2pdf, interleaved run by run so that a slow moment on
 * a shared machine hits all of them; prints one JSON report on stdout (progress on stderr).
 *
 *   pnpm --filter compose bench            # 40 pages, median of 3, plus the 400-page memory check
 *   pnpm --filter compose bench --quick    # 8 pages, one run, no memory check
 *
 * Options: --pages N, --runs N, --no-montage, --no-scaling.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { hasImageMagick } from './reference-pipelines.js';
import { readPanelSet, writePanelSet } from './workload/panel-set.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const appDir = join(here, '..');
const cacheDir = join(appDir, '.bench-cache');
const panelDir = join(cacheDir, 'panels');
const PANELS = 240;

interface ChildResult {
  pipeline: string;
  pages: number;
  wallMs: number;
  maxRssMB: number;
  cpuSeconds: number;
  mainThreadCpuSeconds: number | null;
  [key: string]: number | string | null;
}

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} must be a positive whole number\n`);
    process.exit(2);
  }
  return value;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Generates the benchmark panels unless a complete, current set is cached. */
async function ensurePanels(): Promise<void> {
  if ((await readPanelSet(panelDir, PANELS)) !== undefined) return;
  log(`generating ${PANELS} benchmark panels into ${panelDir} (about a minute)`);
  const manifest = await writePanelSet(panelDir, {
    count: PANELS,
    onProgress: (done) => {
      if (done % 40 === 0) log(`${done}/${PANELS} panels`);
    },
  });
  log(
    `panels: ${(manifest.totalBytes / 1e6).toFixed(0)} MB, median ${(manifest.medianBytes / 1e6).toFixed(2)} MB`,
  );
}

/** Runs one pipeline in a fresh process. */
async function runChild(pipeline: string, pages: number): Promise<ChildResult> {
  const outDir = join(cacheDir, `out-${pipeline}`);
  const started = performance.now();
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(here, 'bench-child.ts'), pipeline, String(pages), panelDir, outDir],
    { cwd: appDir, maxBuffer: 16 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout.trim().split('\n').pop() as string) as ChildResult;
  result.processMs = performance.now() - started;
  await rm(outDir, { recursive: true, force: true });
  log(
    `${pipeline} ${pages} pages: ${(result.wallMs / 1000).toFixed(2)} s, CPU ${result.cpuSeconds.toFixed(2)} s, peak RSS ${result.maxRssMB.toFixed(0)} MB`,
  );
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function summarise(results: ChildResult[]) {
  const wall = median(results.map((r) => r.wallMs));
  const first = results[0] as ChildResult;
  const {
    pipeline: _p,
    pages,
    wallMs: _w,
    maxRssMB: _m,
    processMs: _pm,
    cpuSeconds: _c,
    mainThreadCpuSeconds: _mt,
    ...outputs
  } = first;
  return {
    runs: results.length,
    wallSeconds: round(wall / 1000),
    wallSecondsAll: results.map((r) => round(r.wallMs / 1000)),
    pagesPerSecond: round(Number(pages) / (wall / 1000)),
    cpuSeconds: round(median(results.map((r) => r.cpuSeconds))),
    mainThreadCpuSeconds: round(median(results.map((r) => Number(r.mainThreadCpuSeconds)))),
    peakRssMB: round(Math.max(...results.map((r) => r.maxRssMB))),
    outputs,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `pipeline`'s wall time over `against`'s, round by round. */
function byRound(pipeline: string, against: string): number[] {
  const theirs = results.get(against) ?? [];
  return (results.get(pipeline) ?? []).map((run, index) =>
    round(run.wallMs / (theirs[index]?.wallMs ?? Number.NaN)),
  );
}

const quick = flag('quick');
const pages = option('pages', quick ? 8 : 40);
const runs = option('runs', quick ? 1 : 3);
await ensurePanels();
const pipelines = ['compose', 'reference'];
if (!flag('no-montage') && (await hasImageMagick())) pipelines.push('montage');
const results = new Map<string, ChildResult[]>(pipelines.map((p) => [p, []]));
for (let index = 0; index < runs; index += 1) {
  // Interleaved, so that a slow moment on a shared machine hits every pipeline alike.
  for (const pipeline of pipelines) results.get(pipeline)?.push(await runChild(pipeline, pages));
}
const summary = Object.fromEntries(
  [...results].map(([pipeline, list]) => [pipeline, summarise(list)]),
);
const compose = summary.compose as ReturnType<typeof summarise>;
const reference = summary.reference as ReturnType<typeof summarise>;
const composeByRound = byRound('compose', 'reference');
const montage = summary.montage as ReturnType<typeof summarise> | undefined;
let scaling: Record<string, number | boolean> | undefined;
if (!quick && !flag('no-scaling')) {
  const small = await runChild('compose', 40);
  const middle = await runChild('compose', 200);
  const large = await runChild('compose', 400);
  scaling = {
    peakRss40PagesMB: round(small.maxRssMB),
    peakRss200PagesMB: round(middle.maxRssMB),
    peakRss400PagesMB: round(large.maxRssMB),
    ratio: round(large.maxRssMB / small.maxRssMB),
    seconds400Pages: round(large.wallMs / 1000),
    withinTarget: large.maxRssMB <= 1.3 * small.maxRssMB,
  };
}
const report = {
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGB: round(totalmem() / 1024 ** 3),
    node: process.version,
  },
  pages,
  runs,
  results: summary,
  ratios: {
    composeOverReference: round(compose.wallSeconds / reference.wallSeconds),
    // Each round's compose against the reference run right after it: a machine whose speed
    // drifts over minutes moves both alike, and the median of these moves less than the above.
    composeOverReferenceByRound: composeByRound,
    composeOverReferenceByRoundMedian: round(median(composeByRound)),
    composeOverReferenceCpu: round(compose.cpuSeconds / reference.cpuSeconds),
    montageOverCompose:
      montage === undefined ? null : round(montage.wallSeconds / compose.wallSeconds),
  },
  targets: {
    atLeast3xFasterThanMontage:
      montage === undefined ? null : montage.wallSeconds >= 3 * compose.wallSeconds,
    atMostReference: compose.wallSeconds <= reference.wallSeconds,
    peakRssUnder500MB: compose.peakRssMB < 500,
    memoryScaling400Over40Within1_3x: scaling?.withinTarget ?? null,
  },
  scaling: scaling ?? null,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
