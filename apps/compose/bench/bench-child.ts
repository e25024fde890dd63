/**
 * Runs one benchmark pipeline in its own process and prints one JSON line: wall time of the
 * pipeline, the process's peak RSS (`process.resourceUsage().maxRSS`) and output sizes.
 * Usage: tsx bench/bench-child.ts <compose|reference|montage> <pages> <panelDir> <outDir>
 */
import { rm } from 'node:fs/promises';
import { composeIssue } from '../src/index.js';
import { benchIssue } from './bench-story.js';
import { runMontageReference, runSharpReference } from './reference-pipelines.js';

const [pipeline, pagesArg, panelDir, outDir] = process.argv.slice(2);
if (
  pipeline === undefined ||
  pagesArg === undefined ||
  panelDir === undefined ||
  outDir === undefined
) {
  process.stderr.write(
    'usage: bench-child <compose|reference|montage> <pages> <panelDir> <outDir>\n',
  );
  process.exit(2);
}
const pages = Number(pagesArg);
await rm(outDir, { recursive: true, force: true });
const started = performance.now();
let outputs: Record<string, number> = {};
if (pipeline === 'compose') {
  const { story, panels } = benchIssue(pages, panelDir);
  // The benchmark workload: JPEG pages, PDF and CBZ (the contact sheet is not part of it).
  const result = await composeIssue(story, panels, {
    outDir,
    formats: ['pages', 'pdf', 'cbz'],
    creationDate: new Date(0),
  });
  const size = (kind: string) =>
    result.outputs.filter((o) => o.kind === kind).reduce((sum, o) => sum + o.bytes, 0);
  outputs = {
    pdfBytes: size('pdf'),
    cbzBytes: size('cbz'),
    pageBytes: size('page'),
    contactSheetBytes: size('contact-sheet'),
    warnings: result.warnings.length,
  };
} else if (pipeline === 'reference') {
  outputs = { ...(await runSharpReference(panelDir, pages, outDir)) };
} else if (pipeline === 'montage') {
  outputs = { ...(await runMontageReference(panelDir, pages, outDir)) };
} else {
  process.stderr.write(`unknown pipeline ${pipeline}\n`);
  process.exit(2);
}
const wallMs = performance.now() - started;
const usage = process.resourceUsage();
const maxRssMB = usage.maxRSS / 1024;
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stdout.write(
  `${JSON.stringify({ pipeline, pages, wallMs, maxRssMB, cpuSeconds, ...outputs })}\n`,
);
