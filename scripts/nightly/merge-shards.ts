import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadStory } from 'compose/pipeline';
import { writeReader } from '../reader/write-reader.js';
import { ISSUE_STATUSES, type IssueStatus, nightlyExitCode } from './report.js';
import { type NightlyState, readState } from './state.js';
import { type NightlySummary, writeSummary } from './summary.js';

/** Options of {@link mergeShards}. */
export interface MergeShardsOptions {
  /** Where the scripts are, relative paths in the summaries start from it. */
  rootDir: string;
  /** The folder holding every shard's outputs, summaries and states (absolute or from `rootDir`). */
  outDir: string;
  /** Wall clock for the reader's footer. @default () => new Date() */
  date?: (() => Date) | undefined;
}

/** What {@link mergeShards} wrote. */
export interface MergeShardsResult {
  summary: NightlySummary;
  files: { json: string; markdown: string; reader: string };
  /** Shards of the count the summaries name that left no summary (their issues are missing). */
  missingShards: number[];
}

const SHARD_SUMMARY = /^summary-(\d+)-of-(\d+)\.json$/;
const SHARD_STATE = /^nightly-state-\d+-of-\d+\.json$/;

/**
 * Gathers what the shards of one night wrote into the same folder (`summary-i-of-n.json`,
 * `nightly-state-i-of-n.json`, their issue folders) into one `summary.json`, `summary.md` and
 * one web reader listing every issue in script order. Returns `undefined` when there is no
 * shard summary.
 */
export async function mergeShards(
  options: MergeShardsOptions,
): Promise<MergeShardsResult | undefined> {
  const outDir = resolve(options.rootDir, options.outDir);
  const names = await readdir(outDir).catch(() => [] as string[]);
  const shards: Array<{ index: number; count: number; summary: NightlySummary }> = [];
  const states: NightlyState[] = [];
  for (const name of names.sort()) {
    const match = SHARD_SUMMARY.exec(name);
    if (match) {
      const summary = JSON.parse(await readFile(join(outDir, name), 'utf8')) as NightlySummary;
      shards.push({ index: Number(match[1]), count: Number(match[2]), summary });
    } else if (SHARD_STATE.test(name)) {
      states.push(await readState(join(outDir, name)));
    }
  }
  if (shards.length === 0) return undefined;
  const count = Math.max(...shards.map((shard) => shard.count));
  const present = new Set(shards.filter((s) => s.count === count).map((s) => s.index));
  const missingShards = Array.from({ length: count }, (_, i) => i + 1).filter(
    (index) => !present.has(index),
  );

  const parts = shards.filter((shard) => shard.count === count).map((shard) => shard.summary);
  const results = parts
    .flatMap((part) => part.results)
    .sort((a, b) => (a.script < b.script ? -1 : a.script > b.script ? 1 : 0));
  const counts = Object.fromEntries(ISSUE_STATUSES.map((s) => [s, 0])) as Record<
    IssueStatus,
    number
  >;
  for (const report of results) counts[report.status]++;
  const first = parts[0] as NightlySummary;
  const summary: NightlySummary = {
    version: 1,
    startedAt: parts.map((p) => p.startedAt).sort()[0] ?? first.startedAt,
    finishedAt:
      parts
        .map((p) => p.finishedAt)
        .sort()
        .at(-1) ?? first.finishedAt,
    issues: first.issues,
    backend: parts.some((p) => p.backend === 'wiro') ? 'wiro' : 'draft',
    concurrency: first.concurrency,
    maxCost: first.maxCost,
    spent: parts.reduce((sum, p) => sum + p.spent, 0),
    exitCode: missingShards.length > 0 ? 1 : nightlyExitCode(results),
    counts,
    results,
  };
  const { json, markdown } = await writeSummary(outDir, summary);

  const issueState = (script: string) =>
    states.map((state) => state.issues[script]).find((entry) => entry !== undefined);
  const inputs = [];
  for (const report of results) {
    if (!report.slug || report.status === 'invalid') continue;
    const story = await loadStory(resolve(options.rootDir, report.script)).catch(() => undefined);
    if (!story) continue;
    const state = issueState(report.script);
    inputs.push({
      story,
      issueDir: join(outDir, report.slug),
      status: report.status,
      scriptPages: story.pages.length,
      cost: state?.spent ?? report.cost,
      builtAt: state ? new Date(state.builtAt) : undefined,
    });
  }
  const reader = await writeReader({
    outDir,
    issues: inputs,
    generatedAt: (options.date ?? (() => new Date()))(),
  });
  return { summary, files: { json, markdown, reader: reader.index }, missingShards };
}
