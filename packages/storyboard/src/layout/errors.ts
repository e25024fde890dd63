/** One problem found in a layout request: where it is and what is wrong. */
export interface LayoutIssue {
  /** Where the problem is, e.g. `grid.rows[1].columns[0]` or `margins.left`. */
  path: string;
  /** What is wrong, e.g. `must be a positive number (got -1)`. */
  message: string;
}

/**
 * Thrown for a page, grid or option the layout cannot honour (unknown preset, bad custom grid,
 * margins larger than the page, ...). `issues` lists every problem found, not only the first.
 */
export class LayoutError extends Error {
  override name = 'LayoutError';
  readonly issues: readonly LayoutIssue[];
  constructor(issues: readonly LayoutIssue[], options?: { cause?: unknown }) {
    super(`Invalid page layout: ${issues.map(formatIssue).join('; ')}`, options);
    this.issues = issues;
  }
}

function formatIssue(issue: LayoutIssue): string {
  return `${issue.path} ${issue.message}`;
}

/** Throws a `LayoutError` with a single issue. */
export function failLayout(path: string, message: string): never {
  throw new LayoutError([{ path, message }]);
}
