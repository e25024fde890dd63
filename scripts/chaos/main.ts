/**
 * `pnpm chaos [--short] [--seed N] [--seeds N] [--panels N] [--crashes N] [--out file.json]`: a
 * reliability run of the real render command against a faulty emulator, killed and restarted, for
 * `--seeds` consecutive seeds from `--seed`; prints the reports as JSON and exits 1 if any
 * invariant failed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runChaos } from './run-chaos.js';

const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20261124' },
    seeds: { type: 'string', default: '1' },
    panels: { type: 'string' },
    crashes: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    out: { type: 'string' },
  },
});
const short = values.short ?? false;
const reports = [];
for (let n = 0; n < Number(values.seeds); n++) {
  const seed = Number(values.seed) + n;
  process.stderr.write(`seed ${seed}\n`);
  const report = await runChaos({
    seed,
    panels: Number(values.panels ?? (short ? 18 : 60)),
    crashes: Number(values.crashes ?? (short ? 4 : 12)),
    concurrency: Number(values.concurrency),
    taskMs: short ? 120 : 300,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  for (const invariant of report.invariants) {
    process.stderr.write(
      `${invariant.ok ? 'ok  ' : 'FAIL'} ${invariant.name}: ${invariant.detail}\n`,
    );
  }
  reports.push(report);
}
const json = `${JSON.stringify({ reports, date: new Date().toISOString(), node: process.version }, null, 2)}\n`;
const out = values.out ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out) : undefined;
if (out) {
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, json);
}
process.stdout.write(json);
process.exitCode = reports.every((report) => report.ok) ? 0 : 1;
