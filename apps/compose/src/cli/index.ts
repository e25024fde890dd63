/**
 * Command-line building blocks shared by the `render` command and other command lines (nightly
 * builds): flags with environment fallbacks, help text, the run wrapper and progress lines.
 */
export { loadUserDotEnv, userDotEnvFiles } from './dot-env.js';
export {
  envValue,
  type FlagSpec,
  formatUsage,
  isTruthy,
  parseFlags,
  parseList,
  positiveNumber,
  readCommandLine,
  runCommand,
  UsageError,
} from './flags.js';
export {
  type PipelineFlagValues,
  pipelineFlags,
  readPipelineFlags,
} from './pipeline-flags.js';
export { describeEvent } from './progress.js';
