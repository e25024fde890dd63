import { relative, resolve } from 'node:path';
import { writeReader } from '../reader/write-reader.js';
import { type BuildIssuesOptions, type BuiltIssue, buildIssues } from './build-issues.js';
import { findIssues, type SkipListener } from './find-issues.js';
import { type Shard, shardOf, shardSuffix } from './shard.js';
import { stateFileName } from './state.js';
import { createSummary, type NightlySummary, writeSummary } from './summary.js';

/** Options of {@link runNightly}: those of `buildIssues`, with a pattern instead of paths. */
export interface RunNightlyOptions extends Omit<BuildIssuesOptions, 'storyPaths'> {
  /** Which scripts: a glob or a folder, relative to `rootDir`. @default 'issues/*\/story.yaml' */
  pattern?: string | undefined;
  /** Wall clock for the summary's times. @default () => new Date() */
  date?: (() => Date) | undefined;
  /** Told about each symbolic link the search leaves out (broken, or pointing outside `rootDir`). */
  onSkip?: SkipListener | undefined;
  /**
   * Build only this stable share of the scripts; the summary and state files are named after it
   * (`summary-2-of-4.json`, `nightly-state-2-of-4.json`) so `mergeShards` can gather them.
   */
  shard?: Shard | undefined;
}

/** What {@link runNightly} wrote. */
export interface RunNightlyResult {
  summary: NightlySummary;
  /** Paths of `summary.json`, `summary.md` and the reader's `index.html`. */
  files: { json: string; markdown: string; reader: string };
  /** The absolute script paths the pattern matched (empty: nothing was built or written). */
  storyPaths: string[];
}

/** The reader lists every issue that parsed; invalid ones have no pages to show. */
function readerInputs(issues: BuiltIssue[]) {
  return issues.flatMap(({ report, story, issueDir, spent, builtAt }) =>
    story && issueDir
      ? [
          {
            story,
            issueDir,
            status: report.status,
            scriptPages: story.pages.length,
            cost: spent,
            builtAt,
          },
        ]
      : [],
  );
}

/**
 * A whole night: finds the scripts, builds them (see `buildIssues`), then writes `summary.json`,
 * `summary.md` and the web reader into the output folder. Returns `undefined` when the pattern
 * matches no script (nothing is written).
 */
export async function runNightly(
  options: RunNightlyOptions,
): Promise<RunNightlyResult | undefined> {
  const date = options.date ?? (() => new Date());
  const pattern = options.pattern ?? 'issues/*/story.yaml';
  const found = await findIssues(pattern, options.rootDir, options.onSkip);
  if (found.length === 0) return undefined;
  const { shard } = options;
  const storyPaths = shard
    ? found.filter((path) => shardOf(relative(options.rootDir, path), shard.count) === shard.index)
    : found;
  const suffix = shardSuffix(shard);
  const outDir = resolve(options.rootDir, options.outDir);
  const startedAt = date();
  const result = await buildIssues({
    ...options,
    outDir,
    storyPaths,
    stateFile: stateFileName(suffix),
  });
  const finishedAt = date();
  const summary = createSummary(result, {
    startedAt,
    finishedAt,
    pattern,
    concurrency: options.concurrency,
    maxCost: options.maxCost,
  });
  const { json, markdown } = await writeSummary(outDir, summary, suffix);
  const reader = await writeReader({
    outDir,
    issues: readerInputs(result.issues),
    generatedAt: finishedAt,
  });
  return { summary, files: { json, markdown, reader: reader.index }, storyPaths };
}
