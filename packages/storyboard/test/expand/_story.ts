import { readFileSync } from 'node:fs';
import { parseStory, type Story } from '../../src/index.js';

const fixtures = new URL('../../fixtures/valid/', import.meta.url);

/** Reads a valid fixture script as text. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(name, fixtures), 'utf8');
}

/** Parses a valid fixture script, optionally edited first. */
export function loadStory(name: string, edit: (text: string) => string = (t) => t): Story {
  return parseStory(edit(fixtureText(name)), { file: name });
}
