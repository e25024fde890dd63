import { describe, expect, it } from 'vitest';
import type { BuildIssuesResult } from './build-issues.js';
import type { IssueReport } from './report.js';
import { nightlyExitCode, statusForExitCode } from './report.js';
import { createSummary, formatSummaryMarkdown } from './summary.js';

const report = (overrides: Partial<IssueReport>): IssueReport => ({
  script: 'issues/a/story.yaml',
  slug: 'a-001',
  title: 'A | B',
  status: 'built',
  exitCode: 0,
  message: undefined,
  panels: { total: 2, rendered: 1, cached: 1, failed: 0 },
  cost: 0.5,
  seconds: 2,
  manifest: 'a-001/manifest.json',
  outputs: [{ kind: 'pdf', path: 'a-001/a-001.pdf', bytes: 10 }],
  fingerprint: 'f',
  ...overrides,
});

const summarise = (reports: IssueReport[]) =>
  createSummary(
    {
      issues: reports.map((r) => ({
        report: r,
        story: undefined,
        issueDir: undefined,
        spent: 0,
        builtAt: undefined,
      })),
      backend: 'wiro',
      spent: 0.5,
    } satisfies BuildIssuesResult,
    {
      startedAt: new Date(0),
      finishedAt: new Date(1000),
      pattern: 'issues/*/story.yaml',
      concurrency: 4,
      maxCost: 2,
    },
  );

describe('exit codes and statuses', () => {
  it.each([
    [0, 'built'],
    [1, 'failed'],
    [2, 'invalid'],
    [3, 'budget'],
    [130, 'interrupted'],
  ] as const)('exit %i is %s', (code, status) => {
    expect(statusForExitCode(code)).toBe(status);
  });

  it('exits 0 only when every issue was built or skipped', () => {
    expect(nightlyExitCode([report({}), report({ status: 'skipped' })])).toBe(0);
    expect(nightlyExitCode([report({}), report({ status: 'budget' })])).toBe(1);
    expect(
      nightlyExitCode([report({ status: 'interrupted' }), report({ status: 'invalid' })]),
    ).toBe(130);
  });
});

describe('the summary', () => {
  it('counts statuses', () => {
    const summary = summarise([report({}), report({ status: 'invalid', exitCode: 2 })]);
    expect(summary.counts).toMatchObject({ built: 1, invalid: 1, skipped: 0 });
    expect(summary.exitCode).toBe(1);
  });

  it('keeps table cells intact and fences problem messages', () => {
    const markdown = formatSummaryMarkdown(
      summarise([
        report({}),
        report({ script: 'b', status: 'failed', exitCode: 1, message: 'line 1\n```\nline 3' }),
      ]),
    );
    expect(markdown).toContain(
      '| A \\| B (issues/a/story.yaml) | built | 0 | 1/1/0 of 2 | $0.5000 | 2.0 s |',
    );
    expect(markdown).toContain('````text\nline 1\n```\nline 3\n````');
    expect(markdown).toMatch(/spent \$0\.5000 of \$2\.00 · exit 1/);
  });
});
