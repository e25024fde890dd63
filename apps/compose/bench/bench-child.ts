/**
 * Runs one benchmark pipeline in its own process and prints one JSON line: wall time of the
 * pipeline, the process's CPU time (all threads, and the main thread alone), its peak RSS
 * (`process.resourceUsage().maxRSS`) and output sizes. The clock starts once the inputs are
 * ready (compose's script is parsed before it) and stops when the last output is written.
 * Compose is the built package (`dist/`), the JavaScript the `render` command runs, not the
 * TypeScript sources through a transpiler.
 * Usage: tsx bench/bench-child.ts <compose|reference|montage> <pages> <panelDir> <outDir>
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { composeIssue } from 'compose';
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
const issue = pipeline === 'compose' ? benchIssue(pages, panelDir) : undefined;
const started = performance.now();
const cpu0 = process.cpuUsage();
const mainCpu0 = mainThreadCpuSeconds();
let outputs: Record<string, number> = {};
if (issue !== undefined) {
  const { story, panels } = issue;
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
const mainCpu1 = mainThreadCpuSeconds();
const mainThreadSeconds =
  mainCpu0 === undefined || mainCpu1 === undefined ? null : mainCpu1 - mainCpu0;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({ pipeline, pages, wallMs, maxRssMB, cpuSeconds, mainThreadCpuSeconds: mainThreadSeconds, ...outputs })}\n`,
);

/**
 * CPU time of the main thread alone (Linux: utime + stime of /proc/self/task/<pid>/stat, in
 * clock ticks of 10 ms), to tell JavaScript work from libvips' threads; undefined elsewhere.
 */
function mainThreadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
