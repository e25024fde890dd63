/**
 * Maps a path in the script (`['pages', 0, 'panels', 1, 'scene']`) to the 1-based line and
 * column of its key or value in the YAML source. Each map's keys are indexed once, so locating
 * many problems in one large map stays linear.
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
  type Pair,
  type YAMLMap,
} from 'yaml';

/** A 1-based position in the source. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Where a path is in the source: its position, and the YAML node there when the path exists. */
export interface LocatedPath extends SourcePosition {
  /** The node at the path (its value; its key when the target is `key`), if the path exists. */
  node: unknown;
}

/** Finds the source position of paths in one document. */
export interface Locator {
  locate(path: ReadonlyArray<string | number>, target: 'key' | 'value'): LocatedPath;
}

/** The key a pair gets in the parsed data (keys compare as strings, as in `toJS`). */
function keyName(key: unknown): string {
  const value = isScalar(key) ? key.value : key;
  return String(value ?? '');
}

/** Start offset of a node, when it has a range. */
function startOf(node: unknown): number | undefined {
  return isNode(node) ? (node as Node).range?.[0] : undefined;
}

/** Whether a node is an empty value (`scene:` with nothing after it): point at its key instead. */
function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

/** A locator for `doc`: paths to line and column, each map indexed on first use. */
export function createLocator(doc: Document, lineCounter: LineCounter): Locator {
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  // Resolving an alias searches the document, so each alias is resolved once.
  const targets = new Map<unknown, unknown>();
  const resolve = (node: unknown): unknown => {
    if (!isAlias(node)) return node;
    if (!targets.has(node)) targets.set(node, node.resolve(doc));
    return targets.get(node);
  };
  const pairOf = (map: YAMLMap, segment: string | number): Pair | undefined => {
    let index = indexes.get(map);
    if (index === undefined) {
      index = new Map();
      // With duplicate keys, toJS keeps the last value; so does the index.
      for (const item of map.items) if (isPair(item)) index.set(keyName(item.key), item);
      indexes.set(map, index);
    }
    return index.get(String(segment));
  };
  /**
   * The offset of the key of the last segment (`key`) or of its value, and the node there.
   * When the path does not exist in the source (a missing key), the deepest existing node on
   * the way is used and no node is returned.
   */
  const find = (
    path: ReadonlyArray<string | number>,
    target: 'key' | 'value',
  ): { offset: number; node: unknown } => {
    let node: unknown = resolve(doc.contents);
    let offset = startOf(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i] as string | number;
      const last = i === path.length - 1;
      let next: unknown;
      if (isMap(node)) {
        const pair = pairOf(node, segment);
        if (pair === undefined) return { offset, node: undefined };
        const keyOffset = startOf(pair.key);
        if (last && target === 'key' && keyOffset !== undefined) {
          return { offset: keyOffset, node: pair.key };
        }
        next = resolve(pair.value);
        const valueOffset = startOf(next);
        if (valueOffset === undefined || isEmptyScalar(next)) {
          return { offset: keyOffset ?? offset, node: last ? next : undefined };
        }
        offset = valueOffset;
      } else if (isSeq(node) && typeof segment === 'number') {
        next = resolve(node.items[segment]);
        const itemOffset = startOf(next);
        if (itemOffset === undefined) return { offset, node: undefined };
        offset = itemOffset;
      } else {
        return { offset, node: undefined };
      }
      node = next;
    }
    return { offset, node };
  };
  return {
    locate(path, target) {
      const { offset, node } = find(path, target);
      return { ...locateOffset(lineCounter, offset), node };
    },
  };
}

/** The 1-based line and column of a source offset. */
export function locateOffset(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
