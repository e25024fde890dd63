import { composeIssue } from '../compose-issue.js';
import type { ComposeStep } from './render-issue.js';

/** Lays the issue out with compose: page images, PDF, CBZ and contact sheet. */
export const composeStep: ComposeStep = async (story, panels, { outDir, formats, signal }) => {
  const result = await composeIssue(story, panels, { outDir, formats, signal });
  return { outputs: result.outputs, warnings: result.warnings.map((w) => w.message) };
};
