/**
 * The `render` command's building blocks, for other command lines (nightly builds) that run
 * issues the same way.
 */
export { openBackend, type RenderBackend } from './backend.js';
export { composeStep, findLetteringProblem } from './compose-step.js';
export { ExitCode } from './exit-codes.js';
export {
  describeFlags,
  envValue,
  type FlagSpec,
  isTruthy,
  parseFlags,
  parseList,
  positiveNumber,
  runCommand,
  UsageError,
} from './flags.js';
export { findProjectRoot, invocationDir, resolveUserPath } from './paths.js';
export { describeEvent } from './progress.js';
export {
  type ComposeStep,
  type IssueEvent,
  loadStory,
  type OutputFile,
  type OutputFormat,
  type PlannedPanel,
  type RenderIssueOptions,
  type RenderIssueResult,
  renderIssue,
} from './render-issue.js';
