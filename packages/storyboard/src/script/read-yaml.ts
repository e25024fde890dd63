/**
 * Reads YAML text into plain data while keeping the document for positions. Rejects what a
 * script never needs and an attacker might use: oversized input, several documents, explicit
 * tags, alias bombs, syntax errors. Duplicate keys are reported but do not stop validation.
 */
import {
  type Document,
  isAlias,
  isCollection,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
} from 'yaml';
import { STORY_LIMITS } from './limits.js';
import { locateOffset, type SourcePosition } from './positions.js';
import { quoteForMessage } from './quote.js';

/** A problem found while reading YAML, already located. */
export interface YamlProblem extends SourcePosition {
  message: string;
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

/** The text of the map key that starts at `offset`, for duplicate-key messages. */
function findKeyAt(doc: Document, offset: number): string {
  let found = '';
  visit(doc, {
    Pair(_key, pair) {
      if (isNode(pair.key) && pair.key.range?.[0] === offset) {
        found = quoteForMessage(isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Writer-friendly wording for the YAML errors a writer is likely to meet. */
function describeYamlError(code: string, message: string, key: () => string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `duplicate key \`${key()}\`: each key may appear only once in a map`;
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
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: YamlProblem[] = [];
  let fatal = false;
  let nested = false;
  for (const error of [...doc.errors, ...doc.warnings]) {
    if (error.code === 'RESOURCE_EXHAUSTION') {
      if (nested) continue;
      nested = true;
    }
    if (error.code !== 'DUPLICATE_KEY') fatal = true;
    problems.push({
      ...locateOffset(lineCounter, error.pos[0]),
      message: describeYamlError(error.code, error.message, () => findKeyAt(doc, error.pos[0])),
    });
  }
  if (fatal) return { ok: false, problems };
  const deep = findTooDeep(doc, STORY_LIMITS.maxDepth);
  if (deep !== undefined) {
    const message = `the document is nested too deeply (limit ${STORY_LIMITS.maxDepth} levels)`;
    return { ok: false, problems: [{ ...locateOffset(lineCounter, deep), message }] };
  }
  const tags = findForbiddenTags(doc, lineCounter);
  if (tags.length > 0) return { ok: false, problems: [...problems, ...tags] };
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
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: aliasLimit }), doc, lineCounter, problems };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) return aliasProblem();
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ line: 1, column: 1, message: `could not read the YAML: ${detail}` }],
    };
  }
}
