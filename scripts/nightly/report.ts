/** How one issue ended in a nightly build. */
export type IssueStatus = 'built' | 'skipped' | 'failed' | 'invalid' | 'budget' | 'interrupted';

/** Every status, in the order summaries list their counts. */
export const ISSUE_STATUSES: readonly IssueStatus[] = [
  'built',
  'skipped',
  'failed',
  'invalid',
  'budget',
  'interrupted',
];

/** One output file; `path` is relative to the nightly output folder, with `/` separators. */
export interface ReportedOutput {
  kind: string;
  path: string;
  bytes: number;
}

/** What a nightly build did with one issue: one entry of `summary.json`. */
export interface IssueReport {
  /** The script, relative to the folder nightly was run from. */
  script: string;
  /** Output folder name, once the script parsed. */
  slug: string | undefined;
  title: string | undefined;
  status: IssueStatus;
  /** The `render` exit code: 0 done, 1 panels failed, 2 invalid, 3 budget, 130 interrupted. */
  exitCode: number;
  /** Why, when the issue was not built (or why it was skipped). */
  message: string | undefined;
  /** Panel counts of this night's build (all zero for a skipped issue, but `total`). */
  panels: { total: number; rendered: number; cached: number; failed: number };
  /** USD spent on this issue tonight. */
  cost: number;
  /** Wall time spent on this issue tonight. */
  seconds: number;
  /** The run manifest, relative to the output folder. */
  manifest: string | undefined;
  outputs: ReportedOutput[];
  /** {@link fingerprintIssue} of the inputs, when the script could be read. */
  fingerprint: string | undefined;
}

/** The status a `renderIssue` exit code stands for. */
export function statusForExitCode(exitCode: number): IssueStatus {
  switch (exitCode) {
    case 0:
      return 'built';
    case 2:
      return 'invalid';
    case 3:
      return 'budget';
    case 130:
      return 'interrupted';
    default:
      return 'failed';
  }
}

/** The nightly exit code: 0 when every issue was built or skipped, 130 if interrupted, else 1. */
export function nightlyExitCode(reports: readonly IssueReport[]): number {
  if (reports.some((r) => r.status === 'interrupted')) return 130;
  return reports.every((r) => r.status === 'built' || r.status === 'skipped') ? 0 : 1;
}
