/**
 * Writes the compose benchmark's panels: `tsx make-panels.ts [--count 240] [--size 1024] --out <dir>`.
 * Prints a one-line JSON summary of the file sizes (progress on stderr).
 */
import { parseArgs } from 'node:util';
import { writePanelSet } from './panel-set.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '240' },
    size: { type: 'string', default: '1024' },
    out: { type: 'string' },
  },
});
const count = Number(values.count);
const size = Number(values.size);
if (values.out === undefined || !Number.isInteger(count) || count < 1 || !Number.isInteger(size)) {
  process.stderr.write('usage: make-panels [--count 240] [--size 1024] --out <dir>\n');
  process.exit(2);
}
const started = performance.now();
const manifest = await writePanelSet(values.out, {
  count,
  size,
  onProgress: (done) => {
    if (done % 20 === 0 || done === count) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(`${done}/${count} panels, ${seconds} s\n`);
    }
  },
});
const mb = (bytes: number) => Math.round(bytes / 1e4) / 100;
process.stdout.write(
  `${JSON.stringify({ count, totalMB: mb(manifest.totalBytes), minMB: mb(manifest.minBytes), medianMB: mb(manifest.medianBytes), maxMB: mb(manifest.maxBytes) })}\n`,
);
