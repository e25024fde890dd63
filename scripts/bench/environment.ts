import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

/** The machine and commit a benchmark ran on, recorded with every result file. */
export function describeEnvironment() {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: the results still say everything else.
  }
  return {
    commit,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString(),
  };
}
