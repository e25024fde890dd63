import { quoteForMessage } from './quote.js';

/** A path into the script: map keys and 0-based list indexes, e.g. `['pages', 0, 'panels', 1]`. */
export type StoryPath = ReadonlyArray<string | number>;

/** One problem found in a script, located at the offending key or value. */
export interface StoryIssue {
  /** The file name given to the parser (used only in messages). */
  file: string;
  /** 1-based line of the offending key or value. */
  line: number;
  /** 1-based column of the offending key or value. */
  column: number;
  /** Where in the script the problem is; empty for problems with the whole document. */
  path: Array<string | number>;
  /** What is wrong, for a writer: `unknown character \`mra\`; did you mean \`mara\`?`. */
  message: string;
}

/**
 * A script that cannot be used. `issues` lists every problem found, sorted by position;
 * `message` has one `file:line:column path: message` line per issue.
 */
export class StoryValidationError extends Error {
  override name = 'StoryValidationError' as const;
  /** Every problem found, sorted by line and column. */
  readonly issues: readonly StoryIssue[];
  constructor(issues: readonly StoryIssue[], options?: { cause?: unknown }) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const file = issues[0]?.file ?? 'script';
    super(`${file}: ${count}\n${formatIssues(issues)}`, options);
    this.issues = issues;
  }
}

/**
 * Renders a path the way a writer reads it: `pages[0].panels[1].dialogue[0].text`.
 * @example formatPath(['pages', 0, 'layout']) // 'pages[0].layout'
 */
export function formatPath(path: StoryPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `["${quoteForMessage(segment)}"]`;
  }
  return out;
}

/** One line per issue: `file:line:column path: message` (the path is left out when empty). */
export function formatIssues(issues: readonly StoryIssue[]): string {
  return issues
    .map((issue) => {
      const where = `${issue.file}:${issue.line}:${issue.column}`;
      const path = formatPath(issue.path);
      return path === '' ? `${where}: ${issue.message}` : `${where} ${path}: ${issue.message}`;
    })
    .join('\n');
}

/** Sorts issues by line, column, then path, and drops exact duplicates. */
export function sortIssues(issues: readonly StoryIssue[]): StoryIssue[] {
  const seen = new Set<string>();
  const unique: StoryIssue[] = [];
  for (const issue of issues) {
    const key = `${issue.line}:${issue.column}:${formatPath(issue.path)}:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(issue);
  }
  return unique.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      formatPath(a.path).localeCompare(formatPath(b.path)),
  );
}
