/**
 * Reads YAML text into plain data while keeping the document for positions. Rejects what a
 * script never needs and an attacker might use: oversized input, several documents, explicit
 * tags, alias bombs, syntax errors. Duplicate keys are reported but do not stop validation.
 * Every step is linear in the size of the document, so a script under the size limit is read in
 * about a second.
 */
import {
  Composer,
  type Document,
  isAlias,
  isCollection,
  isNode,
  isPair,
  Lexer,
  LineCounter,
  Parser,
  visit,
  YAMLParseError,
} from 'yaml';
import { STORY_LIMITS } from './limits.js';
import { findKeyProblems } from './map-keys.js';
import { locateOffset, type SourcePosition } from './positions.js';
import { quoteForMessage } from './quote.js';

/** A problem found while reading YAML, already located. */
export interface YamlProblem extends SourcePosition {
  message: string;
  /** Where in the script, when the problem belongs to a key (duplicate keys). */
  path?: Array<string | number>;
}

/** The outcome of reading YAML: the data and document, or the problems that stop parsing. */
export type ReadYamlResult =
  | {
      ok: true;
      data: unknown;
      doc: Document;
      lineCounter: LineCounter;
      /** Problems that do not stop validation (duplicate keys). */
      problems: YamlProblem[];
    }
  | { ok: false; problems: YamlProblem[] };

/** Core-schema tags a writer may spell out (`!!str 1984`); every other tag is refused. */
const ALLOWED_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/** Writer-friendly wording for the YAML errors a writer is likely to meet. */
function describeYamlError(code: string, message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'MULTIPLE_DOCS':
      return 'a script is one YAML document; remove the `---` separator';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed for indentation in YAML; indent with spaces';
    case 'RESOURCE_EXHAUSTION':
      return `the document is nested too deeply (limit ${STORY_LIMITS.maxDepth} levels)`;
    default:
      return `YAML syntax error: ${first}`;
  }
}

/** Explicit tags other than the plain core ones. */
function findForbiddenTags(doc: Document, lineCounter: LineCounter): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(doc, (_key, node) => {
    if (!isNode(node) || node.tag === undefined || ALLOWED_TAGS.has(node.tag)) return undefined;
    const at = locateOffset(lineCounter, node.range?.[0] ?? 0);
    problems.push({
      ...at,
      message: `YAML tag \`${quoteForMessage(node.tag.replace('tag:yaml.org,2002:', '!!'))}\` is not supported in a script`,
    });
    return problems.length >= 10 ? visit.BREAK : undefined;
  });
  return problems;
}

/** The offset of the first node nested deeper than `maxDepth`, found without recursion. */
function findTooDeep(doc: Document, maxDepth: number): number | undefined {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (!isCollection(node)) continue;
    if (depth > maxDepth) return node.range?.[0] ?? 0;
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** The first alias in the document, to point an alias-count problem at. */
function findFirstAlias(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Counts aliases in the source; used to stop before expanding a document that has many. */
function countAliases(doc: Document): number {
  let count = 0;
  visit(doc, (_key, node) => {
    if (isAlias(node)) count += 1;
    return undefined;
  });
  return count;
}

/**
 * The same data with every map a null-prototype object, so a key such as `__proto__` or
 * `constructor` is an ordinary own key and no lookup can reach `Object.prototype`. Values shared
 * through aliases stay shared.
 */
function withNullPrototypes(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  const done = copies.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    copies.set(value, list);
    for (const item of value) list.push(withNullPrototypes(item, copies));
    return list;
  }
  const map: Record<string, unknown> = Object.create(null);
  copies.set(value, map);
  for (const key of Object.keys(value)) {
    map[key] = withNullPrototypes((value as Record<string, unknown>)[key], copies);
  }
  return map;
}

/** What the lexer yields besides the source's own tokens (document start, scalar, flow error). */
const LEXER_MARKERS: ReadonlySet<string> = new Set(['\u0002', '\u0018', '\u001f']);

/** Thrown to stop reading a document with more tokens than `STORY_LIMITS.maxTokens`. */
class TooManyTokens extends Error {
  constructor(readonly offset: number) {
    super('too many tokens');
  }
}

/**
 * `parseDocument` of the `yaml` library, counting tokens on the way: reading costs a few
 * microseconds per token, so a limit on tokens bounds the time any script can take. Duplicate
 * keys are left to `findKeyProblems` (the library's own check is quadratic).
 * @throws {TooManyTokens} past `STORY_LIMITS.maxTokens` tokens.
 */
function parseWithinLimits(text: string, lineCounter: LineCounter): Document {
  const parser = new Parser(lineCounter.addNewLine);
  function* tokens() {
    let count = 0;
    lineCounter.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      if (!LEXER_MARKERS.has(lexeme)) count += 1;
      if (count > STORY_LIMITS.maxTokens) throw new TooManyTokens(parser.offset);
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  const composer = new Composer({ uniqueKeys: false });
  let doc: Document | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (doc === undefined) {
      doc = next;
      continue;
    }
    const range: [number, number] = [next.range[0], next.range[1]];
    doc.errors.push(
      new YAMLParseError(range, 'MULTIPLE_DOCS', 'Source contains multiple documents'),
    );
    break;
  }
  return doc as Document;
}

/** Reads one YAML document into plain data, within `STORY_LIMITS`. */
export function readYaml(text: string): ReadYamlResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > STORY_LIMITS.maxBytes) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          column: 1,
          message: `the script is too large: ${bytes} bytes (limit ${STORY_LIMITS.maxBytes} bytes)`,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseWithinLimits(text, lineCounter);
  } catch (error) {
    if (!(error instanceof TooManyTokens)) throw error;
    const message = `the script has more than ${STORY_LIMITS.maxTokens} YAML tokens (words, punctuation and line breaks) by here; no comic needs that many`;
    return { ok: false, problems: [{ ...locateOffset(lineCounter, error.offset), message }] };
  }
  const problems: YamlProblem[] = [];
  let nested = false;
  for (const error of [...doc.errors, ...doc.warnings]) {
    if (error.code === 'RESOURCE_EXHAUSTION') {
      if (nested) continue;
      nested = true;
    }
    problems.push({
      ...locateOffset(lineCounter, error.pos[0]),
      message: describeYamlError(error.code, error.message),
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const deep = findTooDeep(doc, STORY_LIMITS.maxDepth);
  if (deep !== undefined) {
    const message = `the document is nested too deeply (limit ${STORY_LIMITS.maxDepth} levels)`;
    return { ok: false, problems: [{ ...locateOffset(lineCounter, deep), message }] };
  }
  const tags = findForbiddenTags(doc, lineCounter);
  if (tags.length > 0) return { ok: false, problems: tags };
  const aliasLimit = STORY_LIMITS.maxAliasCount;
  const aliasProblem = (): ReadYamlResult => ({
    ok: false,
    problems: [
      {
        ...locateOffset(lineCounter, findFirstAlias(doc)),
        message: `too many YAML alias expansions (limit ${aliasLimit}); the document may be an alias bomb`,
      },
    ],
  });
  if (countAliases(doc) > aliasLimit) return aliasProblem();
  // After the alias count: a key written as an alias is looked up, once per alias.
  for (const { offset, path, message } of findKeyProblems(doc)) {
    problems.push({ ...locateOffset(lineCounter, offset), path, message });
  }
  try {
    const data = withNullPrototypes(doc.toJS({ maxAliasCount: aliasLimit }));
    return { ok: true, data, doc, lineCounter, problems };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) return aliasProblem();
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ line: 1, column: 1, message: `could not read the YAML: ${detail}` }],
    };
  }
}
