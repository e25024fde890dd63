import { checkLettering } from '../check-lettering.js';
import { composeIssue } from '../compose-issue.js';
import { LetteringError } from '../errors.js';
import type { ComposeStep } from './render-issue.js';

/** Lays the issue out with compose: page images, PDF, CBZ and contact sheet. */
export const composeStep: ComposeStep = async (story, panels, { outDir, formats, signal }) => {
  const result = await composeIssue(story, panels, { outDir, formats, signal });
  return { outputs: result.outputs, warnings: result.warnings.map((w) => w.message) };
};

/**
 * Checks that every caption, balloon, sound effect and title fits and has its glyphs; returns
 * the problem as a message, or undefined when the lettering is fine.
 */
export function findLetteringProblem(story: Parameters<ComposeStep>[0]): string | undefined {
  try {
    checkLettering(story);
    return undefined;
  } catch (error) {
    if (error instanceof LetteringError) return error.message;
    throw error;
  }
}
