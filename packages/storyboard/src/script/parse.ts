/**
 * The script parser: YAML text in, a normalised `Story` out, or every problem at once.
 * Stages: read YAML within limits → count limits → schema → cross-references, positions, ids,
 * consistency and page fit → normalise. Problems from the counts, the schema and the checks are reported
 * together; past a count limit the later stages see only the items within it.
 *
 * Parsing is synchronous. Every stage is linear in the size of the script, so the largest script
 * the limits allow is validated in about a second (see `pnpm bench --only parse`), and a caller
 * that handles signals gets to them promptly.
 */
import { type Document, isScalar, type LineCounter } from 'yaml';
import { checkConsistency } from './consistency.js';
import { checkCounts } from './counts.js';
import { type StoryIssue, StoryValidationError, sortIssues } from './errors.js';
import { checkIds } from './ids.js';
import { STORY_LIMITS } from './limits.js';
import { normaliseStory } from './normalise.js';
import { checkPageFit } from './page-fit.js';
import { createLocator } from './positions.js';
import type { Problem } from './problems.js';
import { checkProtoKeys, dropProtoFollowOns } from './proto-keys.js';
import { asMap } from './raw.js';
import { readYaml } from './read-yaml.js';
import { checkReferences } from './references.js';
import { storySchema } from './schema.js';
import { convertSchemaIssues, describeSchemaIssue } from './schema-issues.js';
import { checkStaging } from './staging.js';
import type { Story } from './types.js';

/** Options for {@link parseStory}. */
export interface ParseStoryOptions {
  /** Name of the script file, used only in issue locations and messages. */
  file: string;
}

/** The result of {@link safeParseStory}. */
export type SafeParseStoryResult = { ok: true; story: Story } | { ok: false; issues: StoryIssue[] };

/** Sorts issues and caps their number at `STORY_LIMITS.maxIssues`. */
function finishIssues(issues: StoryIssue[], file: string): StoryIssue[] {
  const sorted = sortIssues(issues);
  if (sorted.length <= STORY_LIMITS.maxIssues) return sorted;
  const kept = sorted.slice(0, STORY_LIMITS.maxIssues);
  const last = kept[kept.length - 1];
  kept.push({
    file,
    line: last?.line ?? 1,
    column: last?.column ?? 1,
    path: [],
    message: `…and ${sorted.length - kept.length} more problems`,
  });
  return kept;
}

/**
 * A number the script holds beyond 2^53 is read rounded (`9007199254740993` becomes
 * `…992`); a message quoting it shows the number as written instead.
 */
function quoteNumberAsWritten(message: string, node: unknown, text: string): string {
  if (!isScalar(node) || typeof node.value !== 'number' || !node.range) return message;
  if (!Number.isInteger(node.value) || Number.isSafeInteger(node.value)) return message;
  const written = text.slice(node.range[0], node.range[1]).trim();
  return message.replace(`the number ${String(node.value)}`, `the number ${written}`);
}

/** Gives problems their file positions. */
function locateProblems(
  problems: readonly Problem[],
  doc: Document,
  lineCounter: LineCounter,
  text: string,
  file: string,
): StoryIssue[] {
  const locator = createLocator(doc, lineCounter);
  return problems.map((problem) => {
    const { line, column, node } = locator.locate(problem.path, problem.target);
    return {
      file,
      line,
      column,
      path: [...problem.path],
      message: quoteNumberAsWritten(problem.message, node, text),
    };
  });
}

/** Runs every stage; throws only on a bug (callers turn that into an issue). */
function runStages(text: string, file: string): SafeParseStoryResult {
  const read = readYaml(text);
  if (!read.ok) {
    return {
      ok: false,
      issues: finishIssues(
        read.problems.map((p) => ({ file, path: [], ...p })),
        file,
      ),
    };
  }
  const { doc, lineCounter } = read;
  const yamlIssues: StoryIssue[] = read.problems.map((p) => ({ file, path: [], ...p }));
  const fail = (problems: readonly Problem[]): SafeParseStoryResult => ({
    ok: false,
    issues: finishIssues(
      [...yamlIssues, ...locateProblems(problems, doc, lineCounter, text, file)],
      file,
    ),
  });
  const script = asMap(read.data);
  if (script === undefined) {
    const message =
      read.data === null || read.data === undefined
        ? 'the script is empty; it needs at least `title` and `pages`'
        : 'a script is a YAML map with keys such as `title` and `pages`';
    return fail([{ path: [], message, target: 'value' }]);
  }
  const counts = checkCounts(script);
  const data = counts.data;
  const parsed = storySchema.safeParse(data, { error: describeSchemaIssue });
  const protoKeys = checkProtoKeys(data);
  const schemaProblems = parsed.success ? [] : convertSchemaIssues(parsed.error.issues);
  const problems = [
    ...counts.problems,
    ...dropProtoFollowOns(schemaProblems, protoKeys),
    ...protoKeys,
    ...checkReferences(data, script),
    ...checkStaging(data),
    ...checkIds(data),
    ...checkConsistency(data, counts.cutPages),
    ...checkPageFit(data, counts.cutPages),
  ];
  if (problems.length > 0 || yamlIssues.length > 0 || !parsed.success) return fail(problems);
  return { ok: true, story: normaliseStory(parsed.data) };
}

/**
 * Parses a script without throwing: the story, or every problem found.
 * @example
 * const result = safeParseStory(text, { file: 'issue-1.yaml' });
 * if (!result.ok) for (const issue of result.issues) console.error(issue.message);
 */
export function safeParseStory(text: string, options: ParseStoryOptions): SafeParseStoryResult {
  const file = options.file;
  if (typeof text !== 'string') {
    return {
      ok: false,
      issues: [{ file, line: 1, column: 1, path: [], message: 'the script must be text' }],
    };
  }
  try {
    return runStages(text, file);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ok: false,
      issues: [
        { file, line: 1, column: 1, path: [], message: `could not read the script (${detail})` },
      ],
    };
  }
}

/**
 * Parses a script into a normalised, fully defaulted `Story`.
 * @throws {StoryValidationError} listing every problem, sorted by position.
 * @example const story = parseStory(await readFile(path, 'utf8'), { file: path });
 */
export function parseStory(text: string, options: ParseStoryOptions): Story {
  const result = safeParseStory(text, options);
  if (!result.ok) throw new StoryValidationError(result.issues);
  return result.story;
}
