/** Reads the script fixtures shared by the tests (and, later, the CLI corpus test). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `packages/storyboard/fixtures/`. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** What a sidecar `<rule>.expect.json` says the parser must report. */
export interface ExpectedIssues {
  issues: Array<{ line: number; column: number; path?: Array<string | number>; message: string }>;
}

/** The names (without `.yaml`) of the fixtures in `valid` or `invalid`. */
export function listFixtures(kind: 'valid' | 'invalid'): string[] {
  return readdirSync(`${FIXTURES_DIR}${kind}`)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** The text of a fixture. */
export function readFixture(kind: 'valid' | 'invalid', name: string): string {
  return readFileSync(`${FIXTURES_DIR}${kind}/${name}.yaml`, 'utf8');
}

/** The expectations of an invalid fixture. */
export function readExpectations(name: string): ExpectedIssues {
  return JSON.parse(
    readFileSync(`${FIXTURES_DIR}invalid/${name}.expect.json`, 'utf8'),
  ) as ExpectedIssues;
}
