/**
 * Building blocks for the script schema: text with control-character and length rules, ids,
 * bounded numbers, strict objects whose unknown keys get suggestions, and unions that report
 * the branch the writer meant. Messages are encoded here and decoded by `schema-issues.ts`.
 */
import * as z from 'zod';
import {
  describeRefusedCharacter,
  isCleanText,
  MULTILINE_TEXT,
  ONE_LINE_TEXT,
} from './characters.js';
import { STORY_LIMITS } from './limits.js';
import { quoteForMessage } from './quote.js';
import { describeSuggestion } from './suggest.js';

/** Ids become file and folder names: lower-case ASCII, digits, `-` and `_`. */
export const ID_PATTERN = new RegExp(`^[a-z0-9][a-z0-9_-]{0,${STORY_LIMITS.maxIdLength - 1}}$`);
/** Windows device names that cannot be used as file names. */
const RESERVED_FILE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Marks a message that carries data for `schema-issues.ts` rather than text for a writer. */
export const ENCODED_MESSAGE = '\u0000';

/** A string that holds only characters text of its kind may hold (see `characters.ts`). */
function cleanString(oneLine: boolean) {
  const error = (iss: { input?: unknown }) => describeRefusedCharacter(String(iss.input), oneLine);
  return z
    .string()
    .regex(oneLine ? ONE_LINE_TEXT : MULTILINE_TEXT, { error })
    .refine((value) => isCleanText(value, oneLine), { error });
}

/** Free text up to `max` characters; line breaks and tabs allowed. */
export function text(max: number, description: string) {
  return cleanString(false).max(max).describe(description);
}

/** A one-line label up to `max` characters (no line breaks). */
export function label(description: string, max: number = STORY_LIMITS.maxLabelLength) {
  return cleanString(true).min(1).max(max).describe(description);
}

/**
 * Explains why `value` is not a valid id, or returns `undefined` when it is one.
 * @example explainBadId('../x') // 'id `../x` may not contain `/`, `\` or `..` ...'
 */
export function explainBadId(value: string): string | undefined {
  if (ID_PATTERN.test(value) && !RESERVED_FILE_NAMES.test(value)) return undefined;
  const shown = quoteForMessage(value);
  const rule = 'use a–z, 0–9, `-` and `_`, starting with a letter or digit';
  if (value === '') return 'an id may not be empty';
  if (RESERVED_FILE_NAMES.test(value)) {
    return `\`${value}\` cannot be used as an id: it is a reserved file name on Windows`;
  }
  if (/[/\\]|^\.+$|\.\./.test(value)) {
    return `id \`${shown}\` may not contain \`/\`, \`\\\` or \`..\` (ids become file names)`;
  }
  if (/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/.test(value)) {
    return `id \`${shown}\` contains an invisible or control character; ${rule}`;
  }
  if (value.length > STORY_LIMITS.maxIdLength) {
    return `id is too long: ${value.length} characters (limit ${STORY_LIMITS.maxIdLength})`;
  }
  const lower = value.toLowerCase().replace(/\s+/g, '-');
  if (lower !== value && ID_PATTERN.test(lower)) {
    return `id \`${shown}\` is not valid (ids are lower case); did you mean \`${lower}\`?`;
  }
  return `id \`${shown}\` is not valid: ${rule}`;
}

/** An id: safe as a file name, unique where it is defined. */
export function id(description: string) {
  return z
    .string()
    .regex(ID_PATTERN, { error: (iss) => explainBadId(String(iss.input)) })
    .refine((value) => !RESERVED_FILE_NAMES.test(value), {
      error: (iss) => explainBadId(String(iss.input)),
    })
    .describe(description);
}

/** A whole number between `min` and `max` inclusive. */
export function integer(min: number, max: number, description: string) {
  return z.number().int().min(min).max(max).describe(description);
}

/** A finite number between `min` and `max` inclusive. */
export function decimal(min: number, max: number, description: string) {
  return z.number().min(min).max(max).describe(description);
}

/** Encodes the keys an object accepts, for suggestions on unknown keys. */
export function encodeKnownKeys(keys: readonly string[]): string {
  return `${ENCODED_MESSAGE}known-keys:${JSON.stringify(keys)}`;
}

/** Encodes which union branch the writer most likely meant. */
export function encodeUnionBranch(index: number): string {
  return `${ENCODED_MESSAGE}branch:${index}`;
}

/**
 * An object that rejects unknown keys; each unknown key is reported with a suggestion taken
 * from the known ones (`unknown key \`captoin\`; did you mean \`caption\`?`).
 */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? encodeKnownKeys(known) : undefined),
  });
}

/** The text of an unknown-key message, with a suggestion when one of `known` is close. */
export function describeUnknownKey(key: string, known: readonly string[]): string {
  const shown = quoteForMessage(key);
  return `unknown key \`${shown}\`${describeSuggestion(key, known)}`;
}

/** The issue shape zod hands to an error function for a failed union. */
interface UnionFailure {
  input?: unknown;
  errors?: ReadonlyArray<ReadonlyArray<z.core.$ZodIssue>>;
}

/** Writer words for zod's expected types. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  object: 'a map of `key: value`',
  record: 'a map of `key: value`',
  array: 'a list',
};

/** `text`, `a list`, ... for an expected type. */
export function describeExpected(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

/** Describes a YAML value as a writer sees it: `the number 5`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'nothing (an empty value)';
  if (typeof value === 'string') return `the text "${quoteForMessage(value, 40)}"`;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'not-a-number (`.nan`)';
    if (!Number.isFinite(value)) return 'infinity (`.inf`)';
    return `the number ${String(value)}`;
  }
  if (typeof value === 'boolean') return `\`${String(value)}\``;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a map';
  return typeof value;
}

/**
 * Chooses the union branch the writer most likely meant, or `undefined` when the value has
 * none of the accepted types. Branches that reject the value's type are skipped; a branch that
 * accepts the type outranks one that only rejects the value; then the branch that declares more
 * of the value's keys, then the one with fewer problems, then the first.
 */
export function pickUnionBranch(
  errors: ReadonlyArray<ReadonlyArray<z.core.$ZodIssue>>,
  input: unknown,
  declaredKeys: ReadonlyArray<ReadonlySet<string>>,
): number | undefined {
  const atRoot = (issues: ReadonlyArray<z.core.$ZodIssue>, code: string) =>
    issues.some((issue) => issue.path.length === 0 && issue.code === code);
  // A nested union that found no branch for the value rejected its type too.
  const nestedWrongType = (issues: ReadonlyArray<z.core.$ZodIssue>) =>
    issues.some(
      (issue) =>
        issue.path.length === 0 &&
        issue.code === 'invalid_union' &&
        !issue.message.startsWith(`${ENCODED_MESSAGE}branch:`),
    );
  const inputKeys =
    input !== null && typeof input === 'object' && !Array.isArray(input) ? Object.keys(input) : [];
  const ranked = errors
    .map((issues, index) => ({
      index,
      wrongType: atRoot(issues, 'invalid_type') || nestedWrongType(issues),
      wrongValue: atRoot(issues, 'invalid_value'),
      declared: inputKeys.filter((key) => declaredKeys[index]?.has(key)).length,
      count: issues.length,
    }))
    .filter((branch) => !branch.wrongType)
    .sort(
      (a, b) =>
        Number(a.wrongValue) - Number(b.wrongValue) ||
        b.declared - a.declared ||
        a.count - b.count ||
        a.index - b.index,
    );
  return ranked[0]?.index;
}

/** The keys each option declares (for objects), used to rank union branches. */
function listDeclaredKeys(options: readonly z.ZodType[]): ReadonlySet<string>[] {
  return options.map((option) =>
    option instanceof z.ZodObject ? new Set(Object.keys(option.shape)) : new Set<string>(),
  );
}

/**
 * A union that reports the problems of the branch the writer meant instead of every branch's.
 * When no branch accepts the value's type, the message lists what would have been accepted.
 */
export function oneOf<const Options extends readonly [z.ZodType, ...z.ZodType[]]>(
  options: Options,
  expected: string,
) {
  const declared = listDeclaredKeys(options);
  return z.union(options, {
    error: (iss) => {
      const failure = iss as UnionFailure;
      const branch = pickUnionBranch(failure.errors ?? [], failure.input, declared);
      if (branch !== undefined) return encodeUnionBranch(branch);
      return `expected ${expected}, got ${describeValue(failure.input)}`;
    },
  });
}

/** The message for a value outside a fixed set, with a suggestion when one is close. */
export function describeChoice(input: unknown, values: readonly string[], noun: string): string {
  if (typeof input !== 'string') {
    return `expected ${noun} (one of ${values.join(', ')}), got ${describeValue(input)}`;
  }
  const shown = quoteForMessage(input);
  const suggestion = describeSuggestion(input, values);
  return suggestion === ''
    ? `unknown ${noun} \`${shown}\`; expected one of ${values.join(', ')}`
    : `unknown ${noun} \`${shown}\`${suggestion}`;
}

/** One of a fixed set of words; `noun` names it in messages (`unknown layout \`x\``). */
export function choice<const Values extends readonly [string, ...string[]]>(
  values: Values,
  noun: string,
) {
  return z.enum(values, { error: (iss) => describeChoice(iss.input, values, noun) });
}
