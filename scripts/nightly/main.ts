#!/usr/bin/env node
/**
 * `pnpm nightly`: a thin shell over `runNightly`. Progress goes to stderr as plain lines, the
 * summary to stdout (`--json`: JSON lines on stdout); usage errors exit 2 with one line.
 */
import { relative, resolve } from 'node:path';
import { describeEvent, loadUserDotEnv, readCommandLine, runCommand } from 'compose/cli';
import { invocationDir } from 'compose/pipeline';
import { parseNightlyArgs, usage } from './args.js';
import type { NightlyEvent } from './build-issues.js';
import { mergeShards } from './merge-shards.js';
import { runNightly } from './run-nightly.js';
import { formatSummaryMarkdown } from './summary.js';

const out = (text: string) => process.stdout.write(text);
const err = (text: string) => process.stderr.write(text);

/** One plain progress line per event worth a line, prefixed with its issue's `[i/n]`. */
function createLog() {
  // Issues render at the same time: each line says which one it is about.
  const positions = new Map<string, string>();
  return (event: NightlyEvent) => {
    if (event.type === 'issue-start') {
      const position = `[${event.index + 1}/${event.total}]`;
      positions.set(event.script, position);
      err(`${position} ${event.script}\n`);
    } else if (event.type === 'issue-event') {
      const position = positions.get(event.script) ?? '';
      const line = describeEvent(event.event);
      if (line) err(`${position}   ${line}\n`);
    } else {
      const r = event.report;
      const position = positions.get(r.script) ?? '';
      const ran = r.status !== 'skipped' && r.status !== 'invalid' && r.fingerprint !== undefined;
      const detail = ran
        ? ` (${r.panels.rendered} rendered, ${r.panels.cached} cached, ${r.panels.failed} failed, $${r.cost.toFixed(4)}, ${r.seconds.toFixed(1)} s)`
        : r.status === 'skipped'
          ? ` (${r.message})`
          : '';
      err(`${position} ${r.status}: ${r.title ?? r.script}${detail}\n`);
      if (r.message && r.status !== 'skipped') err(`${r.message}\n`);
    }
  };
}

async function main(argv: string[]): Promise<number> {
  loadUserDotEnv();
  const args = readCommandLine('nightly', argv, parseNightlyArgs, usage);
  if (typeof args === 'number') return args;
  const rootDir = invocationDir();
  if (args.merge) {
    const merged = await mergeShards({ rootDir, outDir: args.out });
    if (!merged) {
      err(`nightly: no shard summary (summary-i-of-n.json) in ${args.out}\n`);
      return 2;
    }
    if (merged.missingShards.length > 0) {
      err(`nightly: no summary from shard(s) ${merged.missingShards.join(', ')}\n`);
    }
    out(formatSummaryMarkdown(merged.summary));
    err(`Reader: ${merged.files.reader}\n`);
    return merged.summary.exitCode;
  }

  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    if (++interrupts > 1) process.exit(130);
    err('\nStopping: killing running tasks… (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  if (!args.json && !args.draft && !process.env.WIRO_API_KEY?.trim()) {
    err(
      'No WIRO_API_KEY set: building free drafts on the local emulator. Set WIRO_API_KEY (and WIRO_API_SECRET) to render real art on Wiro.\n',
    );
  }
  const log = createLog();
  const result = await runNightly({
    shard: args.shard,
    pattern: args.issues,
    rootDir,
    outDir: args.out,
    cacheDir: args.cacheDir ? resolve(rootDir, args.cacheDir) : undefined,
    concurrency: args.concurrency,
    maxCost: args.maxCost,
    draft: args.draft,
    upscale: args.upscale,
    force: args.force,
    formats: args.formats,
    signal: controller.signal,
    onEvent: args.json ? (event) => out(`${JSON.stringify(event)}\n`) : log,
    onSkip: (path, reason) => err(`nightly: skipped ${relative(rootDir, path)}: ${reason}\n`),
  });
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (!result) {
    err(`nightly: no script matches ${args.issues} (in ${rootDir})\n`);
    return 2;
  }
  if (args.json) {
    out(`${JSON.stringify({ type: 'summary', ...result.summary })}\n`);
  } else {
    out(formatSummaryMarkdown(result.summary));
    err(`Reader: ${result.files.reader}\n`);
  }
  return result.summary.exitCode;
}

runCommand('nightly', main);
