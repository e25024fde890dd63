import { createHash } from 'node:crypto';

/** One share of a night's issues: `index` of `count`, from 1. */
export interface Shard {
  index: number;
  count: number;
}

/** Shards a night can be split into at most. */
const MAX_SHARDS = 256;

/**
 * Reads `i/n` (`--shard 2/4`). Throws a RangeError naming what is wrong.
 * @example parseShard('2/4') // { index: 2, count: 4 }
 */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new RangeError(
      `--shard must be i/n with 1 ≤ i ≤ n ≤ ${MAX_SHARDS}, e.g. 2/4 (got ${JSON.stringify(text)})`,
    );
  }
  return { index, count };
}

/**
 * The shard (from 1) a script belongs to, from a hash of its path relative to the folder nightly
 * runs in: the same script always lands in the same shard, whatever other scripts come and go,
 * so each shard's panel cache and outputs keep serving the same issues.
 */
export function shardOf(script: string, count: number): number {
  const digest = createHash('sha256').update(script.split('\\').join('/')).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** What a shard adds to the names of its summary and state files: `-2-of-4`. */
export const shardSuffix = (shard: Shard | undefined) =>
  shard ? `-${shard.index}-of-${shard.count}` : '';
