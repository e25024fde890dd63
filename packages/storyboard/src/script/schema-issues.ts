/**
 * Turns zod issues into writer-friendly problems: the union branch the writer meant, one
 * problem per unknown key with a suggestion, and messages in plain words.
 */
import type * as z from 'zod';
import { STORY_LIMITS } from './limits.js';
import { type Problem, problemAt, problemAtKey } from './problems.js';
import {
  describeExpected,
  describeUnknownKey,
  describeValue,
  ENCODED_MESSAGE,
} from './schema-parts.js';
import { describeSuggestion, suggestClosest } from './suggest.js';

/** Formats a bound or a literal for a message. */
function show(value: unknown): string {
  return typeof value === 'string' ? `\`${value}\`` : String(value);
}

/** A writer-friendly message for an invalid type (`missing required key` when absent). */
function describeInvalidType(iss: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidType>): string {
  const input = iss.input;
  if (input === undefined) {
    const key = iss.path?.[iss.path.length - 1];
    return key === undefined ? 'missing value' : `missing required key \`${String(key)}\``;
  }
  if (iss.expected === 'int' && typeof input === 'number') {
    return `expected a whole number, got ${describeValue(input)}`;
  }
  if (iss.expected === 'number' && typeof input === 'number') {
    return `expected a finite number, got ${describeValue(input)}`;
  }
  const hint =
    iss.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')
      ? ' (put it in quotes to use it as text)'
      : '';
  return `expected ${describeExpected(iss.expected)}, got ${describeValue(input)}${hint}`;
}

/** A writer-friendly message for a value above its maximum. */
function describeTooBig(iss: z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>): string {
  const input = iss.input;
  if (iss.origin === 'string' && typeof input === 'string') {
    return `too long: ${input.length} characters (limit ${show(iss.maximum)})`;
  }
  if (iss.origin === 'array' && Array.isArray(input)) {
    return `too many items: ${input.length} (limit ${show(iss.maximum)})`;
  }
  const bound = iss.inclusive === false ? 'less than' : 'at most';
  return `must be ${bound} ${show(iss.maximum)}, got ${describeValue(input)}`;
}

/** A writer-friendly message for a value below its minimum. */
function describeTooSmall(iss: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>): string {
  if (iss.origin === 'string') {
    return Number(iss.minimum) <= 1
      ? 'must not be empty'
      : `too short (at least ${show(iss.minimum)} characters)`;
  }
  if (iss.origin === 'array') {
    return Number(iss.minimum) <= 1
      ? 'must not be an empty list'
      : `needs at least ${show(iss.minimum)} items`;
  }
  const bound = iss.inclusive === false ? 'greater than' : 'at least';
  return `must be ${bound} ${show(iss.minimum)}, got ${describeValue(iss.input)}`;
}

/** A writer-friendly message for a value outside a fixed set. */
function describeInvalidValue(iss: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidValue>): string {
  const values = iss.values.map(String);
  if (values.length === 1) return `must be ${show(iss.values[0])}, got ${describeValue(iss.input)}`;
  const given = typeof iss.input === 'string' ? iss.input : undefined;
  const suggestion = given === undefined ? undefined : suggestClosest(given, values);
  if (given !== undefined && suggestion !== undefined) {
    return `unknown value \`${given}\`${describeSuggestion(given, values)}`;
  }
  return `expected one of ${values.join(', ')}, got ${describeValue(iss.input)}`;
}

/**
 * The error map given to zod: plain-words messages for zod's own issues. Schema parts with
 * their own messages (ids, text, shots) take precedence over it.
 */
export function describeSchemaIssue(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      return describeInvalidType(iss);
    case 'too_big':
      return describeTooBig(iss);
    case 'too_small':
      return describeTooSmall(iss);
    case 'invalid_value':
      return describeInvalidValue(iss);
    case 'not_multiple_of':
      return `must be a multiple of ${iss.divisor}, got ${describeValue(iss.input)}`;
    case 'invalid_format':
      return iss.format === 'date'
        ? 'expected a date written YYYY-MM-DD'
        : `has the wrong format: ${describeValue(iss.input)}`;
    case 'invalid_key':
      return iss.issues[0]?.message ?? `invalid key ${describeValue(iss.input)}`;
    default:
      return undefined;
  }
}

/** How many unknown keys of one map are listed one by one. */
const UNKNOWN_KEYS_LISTED = STORY_LIMITS.maxIssues / 2;

/** Reads the keys a strict object accepts from its encoded unknown-key message. */
function decodeKnownKeys(message: string): string[] {
  const prefix = `${ENCODED_MESSAGE}known-keys:`;
  if (!message.startsWith(prefix)) return [];
  const keys: unknown = JSON.parse(message.slice(prefix.length));
  return Array.isArray(keys) ? keys.map(String) : [];
}

/** Reads the chosen branch from an encoded union message. */
function decodeUnionBranch(message: string): number | undefined {
  const prefix = `${ENCODED_MESSAGE}branch:`;
  return message.startsWith(prefix) ? Number(message.slice(prefix.length)) : undefined;
}

/** Flattens zod issues into problems, following the chosen branch of each union. */
function flattenIssues(
  issues: readonly z.core.$ZodIssue[],
  base: Array<string | number>,
  into: Problem[],
): void {
  for (const iss of issues) {
    const path = [...base, ...iss.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (iss.code === 'invalid_union') {
      const branch = decodeUnionBranch(iss.message);
      const chosen = branch === undefined ? undefined : iss.errors[branch];
      if (chosen !== undefined) flattenIssues(chosen, path, into);
      else into.push(problemAt(path, iss.message));
    } else if (iss.code === 'unrecognized_keys') {
      const known = decodeKnownKeys(iss.message);
      // An error lists at most `maxIssues` problems: one map's unknown keys get half of them,
      // then one line with the count of the rest.
      const listed = iss.keys.slice(0, UNKNOWN_KEYS_LISTED);
      for (const key of listed)
        into.push(problemAtKey([...path, key], describeUnknownKey(key, known)));
      const next = iss.keys[listed.length];
      if (next !== undefined) {
        const more = `…and ${iss.keys.length - listed.length} more unknown keys in this map`;
        into.push(problemAtKey([...path, next], more));
      }
    } else if (iss.code === 'invalid_key') {
      into.push(problemAtKey(path, iss.message));
    } else {
      into.push(problemAt(path, iss.message));
    }
  }
}

/**
 * Whether an issue adds nothing to the others at its path: zod's safe-integer range twin of a
 * bound, or a follow-on of a wrong type (zod still runs length checks on a value of the wrong
 * type, so `panels: "some text"` would also be `too long: 9 characters`).
 */
function isRedundant(iss: z.core.$ZodIssue, samePath: readonly z.core.$ZodIssue[]): boolean {
  if (samePath.length < 2) return false;
  if (iss.code === 'invalid_type') return false;
  if (samePath.some((other) => other.code === 'invalid_type')) return true;
  return (iss.code === 'too_big' || iss.code === 'too_small') && iss.origin === 'int';
}

/** Removes redundant issues, recursively inside unions. Linear in the number of issues. */
function pruneIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const byPath = new Map<string, z.core.$ZodIssue[]>();
  for (const iss of issues) {
    const key = iss.path.map(String).join('\u0000');
    const group = byPath.get(key);
    if (group === undefined) byPath.set(key, [iss]);
    else group.push(iss);
  }
  return issues
    .filter((iss) => !isRedundant(iss, byPath.get(iss.path.map(String).join('\u0000')) ?? []))
    .map(
      (iss): z.core.$ZodIssue =>
        iss.code === 'invalid_union' && iss.errors.length > 0
          ? ({
              ...iss,
              errors: iss.errors.map((branch) => pruneIssues(branch)),
            } as z.core.$ZodIssue)
          : iss,
    );
}

/**
 * Converts zod issues into problems. A `missing required key` is dropped when an unknown key
 * in the same map is the likely misspelling of it (the unknown-key message already says so).
 */
export function convertSchemaIssues(issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  flattenIssues(pruneIssues(issues), [], problems);
  const suggested = new Set(
    problems
      .filter((p) => p.target === 'key' && p.message.startsWith('unknown key'))
      .map((p) => {
        const match = /did you mean `([^`]+)`\?$/.exec(p.message);
        return match ? [...p.path.slice(0, -1), match[1]].join('\u0000') : '';
      }),
  );
  return problems.filter(
    (p) => !(p.message.startsWith('missing required key') && suggested.has(p.path.join('\u0000'))),
  );
}
