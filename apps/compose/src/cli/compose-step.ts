import type { ComposeStep } from './render-issue.js';

/**
 * Lays out pages with compose. Until compose's `composeIssue` lands, writes no outputs (the
 * manifest is still written).
 */
export const composeStep: ComposeStep = async () => ({ outputs: [], warnings: [] });
