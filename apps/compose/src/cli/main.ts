#!/usr/bin/env node
/**
 * `pnpm render [command] <story.yaml>`: a thin shell over `renderIssue`. Progress goes to stderr,
 * results to stdout; usage errors exit 2 with one line. The pipeline is imported only once a
 * command needs it, so `--help` and usage errors start at once.
 */
import { ExitCode } from '../pipeline/exit-codes.js';
import { invocationDir, resolveUserPath } from '../pipeline/paths.js';
import { parseCliArgs, usage } from './args.js';
import { loadUserDotEnv } from './dot-env.js';
import { readCommandLine, runCommand } from './flags.js';
import { createProgress } from './progress.js';
import { formatPlan, formatSummary } from './summary.js';

const out = (text: string) => process.stdout.write(text);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const err = (text: string) => process.stderr.write(text);

async function main(argv: string[]): Promise<number> {
  loadUserDotEnv();
  const args = readCommandLine('render', argv, parseCliArgs, usage);
  if (typeof args === 'number') return args;
  if (!args.story) {
    err('render: which script? e.g. pnpm render examples/noir/story.yaml (see --help)\n');
    return ExitCode.Invalid;
  }
  const storyPath = resolveUserPath(args.story);

  if (args.command === 'validate') {
    // Only the parser and the lettering: no render engine, Wiro client, sharp or pdfkit.
    const [{ validateIssue }, { StoryValidationError }] = await Promise.all([
      import('../pipeline/validate-issue.js'),
      import('storyboard/script'),
    ]);
    try {
      const cacheDir = args.cacheDir ? resolveUserPath(args.cacheDir) : undefined;
      const { story } = await validateIssue(storyPath, { cacheDir });
      const panels = story.pages.reduce((n, p) => n + p.panels.length, 0);
      out(
        `${args.story}: valid (${plural(story.pages.length, 'page')}, ${plural(panels, 'panel')}${story.cover ? ', cover' : ''})\n`,
      );
      return ExitCode.Done;
    } catch (error) {
      if (!(error instanceof StoryValidationError)) throw error;
      err(`${error.message}\n`);
      return ExitCode.Invalid;
    }
  }

  const { renderIssue } = await import('../pipeline/index.js');
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts === 1) {
      err(
        '\nStopping: cancelling queued and killing running tasks… (Ctrl-C again to quit at once)\n',
      );
      controller.abort();
    } else {
      process.exit(ExitCode.Interrupted);
    }
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);

  const tty = Boolean(process.stderr.isTTY) && !args.json;
  const progress = createProgress({ tty, write: err });
  const started = Date.now();
  const result = await renderIssue({
    storyPath,
    mode: args.command === 'plan' ? 'plan' : args.command === 'compose' ? 'compose' : 'render',
    outDir: args.out ? resolveUserPath(args.out) : undefined,
    cacheDir: args.cacheDir ? resolveUserPath(args.cacheDir) : undefined,
    concurrency: args.concurrency,
    maxCost: args.maxCost,
    only: args.only,
    force: args.force,
    upscale: args.upscale,
    draft: args.draft,
    formats: args.formats,
    signal: controller.signal,
    onEvent: args.json ? (event) => out(`${JSON.stringify(event)}\n`) : progress.onEvent,
  });
  progress.finish();
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigint);

  if (args.json) {
    const { story: _story, plan, ...rest } = result;
    out(
      `${JSON.stringify({ type: 'result', ...rest, plan: plan.map((p) => ({ id: p.job.id, cached: p.cached, selected: p.selected, estimatedCost: p.estimatedCost, inputs: p.job.inputs, ppi: p.ppi, upscale: p.job.upscale })) })}\n`,
    );
  } else if (result.exitCode === ExitCode.Invalid) {
    err(`${result.message}\n`);
  } else if (args.command === 'plan') {
    out(`${formatPlan(result.plan, args.verbose)}\n`);
  } else {
    out(`${formatSummary(result, invocationDir(), (Date.now() - started) / 1000)}\n`);
    if (result.message) err(`${result.message}\n`);
  }
  return result.exitCode;
}

runCommand('render', main);
