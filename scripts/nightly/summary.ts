import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildIssuesResult } from './build-issues.js';
import { ISSUE_STATUSES, type IssueReport, type IssueStatus, nightlyExitCode } from './report.js';

/** The `summary.json` a nightly build writes. */
export interface NightlySummary {
  version: 1;
  startedAt: string;
  finishedAt: string;
  /** The pattern the scripts were found with. */
  issues: string;
  backend: 'wiro' | 'draft';
  concurrency: number | undefined;
  maxCost: number | undefined;
  /** USD spent tonight across all issues. */
  spent: number;
  /** 0 when every issue was built or skipped, 130 if interrupted, else 1. */
  exitCode: number;
  counts: Record<IssueStatus, number>;
  results: IssueReport[];
}

/** What {@link createSummary} needs besides the build result. */
export interface SummaryContext {
  startedAt: Date;
  finishedAt: Date;
  pattern: string;
  concurrency: number | undefined;
  maxCost: number | undefined;
}

/** Gathers the reports and the night's settings into the summary. */
export function createSummary(result: BuildIssuesResult, context: SummaryContext): NightlySummary {
  const results = result.issues.map((issue) => issue.report);
  const counts = Object.fromEntries(ISSUE_STATUSES.map((s) => [s, 0])) as Record<
    IssueStatus,
    number
  >;
  for (const report of results) counts[report.status]++;
  return {
    version: 1,
    startedAt: context.startedAt.toISOString(),
    finishedAt: context.finishedAt.toISOString(),
    issues: context.pattern,
    backend: result.backend,
    concurrency: context.concurrency,
    maxCost: context.maxCost,
    spent: result.spent,
    exitCode: nightlyExitCode(results),
    counts,
    results,
  };
}

const money = (usd: number) => `$${usd.toFixed(usd < 1 ? 4 : 2)}`;

/** Text safe inside a Markdown table cell. */
const cell = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** A fenced block longer than any backtick run in `text`, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${text}\n${marks}`;
}

/** The human-readable summary (`summary.md`, also printed): a table, then each problem in full. */
export function formatSummaryMarkdown(summary: NightlySummary): string {
  const counts = ISSUE_STATUSES.filter((s) => summary.counts[s] > 0)
    .map((s) => `${summary.counts[s]} ${s}`)
    .join(', ');
  const budget = summary.maxCost === undefined ? '' : ` of ${money(summary.maxCost)}`;
  const lines = [
    `# Nightly build ${summary.startedAt}`,
    '',
    `${summary.results.length} issues (${summary.issues}): ${counts || 'none'} · ${summary.backend === 'draft' ? 'drafts' : 'Wiro'} · spent ${money(summary.spent)}${budget} · exit ${summary.exitCode}`,
    '',
    '| issue | status | exit | panels (rendered/cached/failed of total) | cost | time | outputs |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of summary.results) {
    const name = r.title ? `${r.title} (${r.script})` : r.script;
    const panels =
      r.status === 'skipped'
        ? `- of ${r.panels.total}`
        : r.panels.total === 0
          ? '-'
          : `${r.panels.rendered}/${r.panels.cached}/${r.panels.failed} of ${r.panels.total}`;
    const files = [...(r.manifest ? [r.manifest] : []), ...r.outputs.map((o) => o.path)];
    lines.push(
      `| ${cell(name)} | ${r.status} | ${r.exitCode} | ${panels} | ${money(r.cost)} | ${r.seconds.toFixed(1)} s | ${cell(files.join(', ') || '-')} |`,
    );
  }
  const problems = summary.results.filter((r) => r.status !== 'built' && r.status !== 'skipped');
  if (problems.length > 0) {
    lines.push('', '## Problems');
    for (const r of problems) {
      lines.push('', `### ${cell(r.script)}: ${r.status} (exit ${r.exitCode})`, '');
      lines.push(fence(r.message ?? 'no message'));
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes `summary.json` and `summary.md` (`summary-2-of-4.json`… with a shard's `suffix`) into
 * the output folder; returns their paths.
 */
export async function writeSummary(
  outDir: string,
  summary: NightlySummary,
  suffix = '',
): Promise<{ json: string; markdown: string }> {
  const json = join(outDir, `summary${suffix}.json`);
  const markdown = join(outDir, `summary${suffix}.md`);
  await writeFile(json, `${JSON.stringify(summary, null, 2)}\n`);
  await writeFile(markdown, formatSummaryMarkdown(summary));
  return { json, markdown };
}
