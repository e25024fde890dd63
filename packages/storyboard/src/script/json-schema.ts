import * as z from 'zod';
import { storySchema } from './schema.js';

/** Where editors find the published schema, relative to the storyboard package. */
export const STORY_JSON_SCHEMA_PATH = 'schema/story.schema.json';

/**
 * The JSON Schema of the script format (draft 2020-12), generated from the zod schema. It
 * describes scripts as written, shorthands included, with defaults and descriptions for editor
 * completion. Cross-reference rules (known characters, unique ids, slot counts) are not in it.
 */
export function createStoryJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(storySchema, { io: 'input', target: 'draft-2020-12' });
}

/** The schema as the file is written: two-space JSON with a trailing newline. */
export function renderStoryJsonSchema(): string {
  return `${JSON.stringify(createStoryJsonSchema(), null, 2)}\n`;
}
