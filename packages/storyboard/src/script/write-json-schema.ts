/**
 * Writes `packages/storyboard/schema/story.schema.json` from the zod schema, then formats it
 * with biome so the repository lint stays clean.
 * Run: `pnpm --filter storyboard exec tsx src/script/write-json-schema.ts`
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderStoryJsonSchema, STORY_JSON_SCHEMA_PATH } from './json-schema.js';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const target = resolve(packageRoot, STORY_JSON_SCHEMA_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderStoryJsonSchema());
try {
  execFileSync('pnpm', ['exec', 'biome', 'format', '--write', target], {
    cwd: packageRoot,
    stdio: 'ignore',
  });
} catch {
  process.stderr.write('note: could not run biome; the schema is written but not formatted\n');
}
process.stdout.write(`${target}\n`);
