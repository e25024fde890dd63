import { describe, expect, it } from 'vitest';
import { parseShard, shardOf, shardSuffix } from './shard.js';

describe('parseShard', () => {
  it('reads i/n and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '1/257', '-1/2', '1/2/3']) {
      expect(() => parseShard(bad), bad).toThrow(/--shard must be i\/n/);
    }
  });
});

describe('shardOf', () => {
  const scripts = Array.from({ length: 400 }, (_, i) => `issues/issue-${i}/story.yaml`);

  it('puts every script in exactly one shard, in shares of about the same size', () => {
    const sizes = new Array(4).fill(0);
    for (const script of scripts) sizes[shardOf(script, 4) - 1]++;
    expect(sizes.reduce((a, b) => a + b)).toBe(400);
    for (const size of sizes) expect(size).toBeGreaterThan(70);
  });

  it('keeps a script in its shard when others are added or removed', () => {
    const before = scripts.map((script) => shardOf(script, 4));
    const after = [...scripts.slice(100), 'issues/new/story.yaml'].map((s) => shardOf(s, 4));
    expect(after.slice(0, 300)).toEqual(before.slice(100));
    expect(shardOf('issues\\a\\story.yaml', 4)).toBe(shardOf('issues/a/story.yaml', 4));
  });

  it('names shard files', () => {
    expect(shardSuffix({ index: 2, count: 4 })).toBe('-2-of-4');
    expect(shardSuffix(undefined)).toBe('');
  });
});
