/**
 * Internal: everything nightly builds take from compose, in one place. `renderIssue` and its types
 * come from the package export; the backend, the compose step, exit codes and event wording are
 * not exported yet, so they are imported from compose's CLI folder by relative path.
 */

export {
  type ComposeStep,
  type IssueEvent,
  loadStory,
  type OutputFile,
  type OutputFormat,
  type RenderIssueResult,
  renderIssue,
} from 'compose/render-issue';
export { openBackend, type RenderBackend } from '../../apps/compose/src/cli/backend.js';
export { composeStep } from '../../apps/compose/src/cli/compose-step.js';
export { ExitCode } from '../../apps/compose/src/cli/exit-codes.js';
export { describeEvent } from '../../apps/compose/src/cli/progress.js';
