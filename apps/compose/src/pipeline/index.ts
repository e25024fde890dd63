/**
 * The pipeline of one issue, from script to outputs: validate → plan → letter → render →
 * compose → manifest. The `render` command and nightly builds are thin callers of `renderIssue`.
 */

export { OPT_IN_FORMATS, OUTPUT_FORMATS, type OutputFormat } from '../options.js';
export { type BackendKind, chooseBackend, openBackend, type RenderBackend } from './backend.js';
export { composeWithCompose } from './compose-stage.js';
export { ExitCode } from './exit-codes.js';
export {
  defaultCacheDir,
  defaultOutDir,
  findProjectRoot,
  invocationDir,
  resolveUserPath,
} from './paths.js';
export { renderIssue } from './render-issue.js';
export type {
  ComposeStep,
  IssueEvent,
  IssuePhase,
  OutputFile,
  PlannedPanel,
  RenderIssueOptions,
  RenderIssueResult,
} from './types.js';
export {
  loadStory,
  type ValidatedIssue,
  type ValidateOptions,
  validateIssue,
} from './validate-issue.js';
