import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStoryJsonSchema, STORY_JSON_SCHEMA_PATH } from '../../src/script/index.js';

const committedPath = fileURLToPath(new URL(`../../${STORY_JSON_SCHEMA_PATH}`, import.meta.url));

/** Reads a nested JSON value by path. */
function dig(value: unknown, ...path: Array<string | number>): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    value,
  );
}

describe('story.schema.json', () => {
  const schema = createStoryJsonSchema();

  it('is up to date (regenerate: pnpm --filter storyboard exec tsx src/script/write-json-schema.ts)', () => {
    const committed: unknown = JSON.parse(readFileSync(committedPath, 'utf8'));
    expect(committed).toEqual(schema);
  });

  it('rejects unknown top-level keys and requires title and pages', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['title', 'pages']);
  });

  it('describes the shorthands as unions', () => {
    const panel = dig(schema, 'properties', 'pages', 'items', 'properties', 'panels', 'items');
    const [asText, asMap] = dig(panel, 'anyOf') as unknown[];
    expect(dig(asText, 'type')).toBe('string');
    const dialogue = dig(asMap, 'properties', 'dialogue', 'anyOf') as unknown[];
    const line = dig(dialogue[0], 'anyOf') as unknown[];
    expect(dig(line[0], 'required')).toEqual(['speaker', 'text']);
    expect(dig(line[1], 'additionalProperties', 'type')).toBe('string');
    expect(dig(dialogue[1], 'type')).toBe('array');
  });

  it('documents defaults', () => {
    const generation = dig(schema, 'properties', 'generation', 'properties');
    expect(dig(generation, 'steps', 'default')).toBe(20);
    expect(dig(generation, 'seed', 'default')).toBe(93080474);
    expect(dig(generation, 'model', 'default')).toBe('Adel_AI/Comics-Factory-v1');
  });
});
