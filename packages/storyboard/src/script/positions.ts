/**
 * Maps a path in the script (`['pages', 0, 'panels', 1, 'scene']`) to the 1-based line and
 * column of its key or value in the YAML source.
 */
import {
  type Document,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
} from 'yaml';

/** A 1-based position in the source. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Whether a map key (as parsed) is the path segment (keys compare as strings, as in toJS). */
function matchesKey(key: unknown, segment: string | number): boolean {
  const value = isScalar(key) ? key.value : key;
  return String(value ?? '') === String(segment);
}

/** Follows an alias to the node it names; other nodes are returned as they are. */
function resolveAlias(node: unknown, doc: Document): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/** Start offset of a node, when it has a range. */
function startOf(node: unknown): number | undefined {
  return isNode(node) ? (node as Node).range?.[0] : undefined;
}

/** Whether a node is an empty value (`scene:` with nothing after it): point at its key instead. */
function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

/**
 * Finds the source offset for a path: the key of the last segment when `target` is `key`,
 * otherwise its value. When the path does not exist in the source (a missing key), the deepest
 * existing node on the way is used.
 */
export function findOffset(
  doc: Document,
  path: ReadonlyArray<string | number>,
  target: 'key' | 'value',
): number {
  let node: unknown = resolveAlias(doc.contents, doc);
  let offset = startOf(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as string | number;
    const last = i === path.length - 1;
    if (isMap(node)) {
      // With duplicate keys, toJS keeps the last value; so do we.
      const pair = node.items.findLast((item) => isPair(item) && matchesKey(item.key, segment));
      if (pair === undefined) break;
      const keyOffset = startOf(pair.key);
      if (last && target === 'key' && keyOffset !== undefined) return keyOffset;
      const value = resolveAlias(pair.value, doc);
      const valueOffset = startOf(value);
      if (valueOffset === undefined || isEmptyScalar(value)) return keyOffset ?? offset;
      node = value;
      offset = valueOffset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = resolveAlias(node.items[segment], doc);
      const itemOffset = startOf(item);
      if (itemOffset === undefined) break;
      node = item;
      offset = itemOffset;
    } else {
      break;
    }
  }
  return offset;
}

/** The 1-based line and column of a path's key or value. */
export function locatePath(
  doc: Document,
  lineCounter: LineCounter,
  path: ReadonlyArray<string | number>,
  target: 'key' | 'value',
): SourcePosition {
  return locateOffset(lineCounter, findOffset(doc, path, target));
}

/** The 1-based line and column of a source offset. */
export function locateOffset(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
