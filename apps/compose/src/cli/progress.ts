import type { IssueEvent } from '../pipeline/index.js';

/** Writes a line to a stream (stderr for progress, stdout for results). */
type Write = (text: string) => void;

/** Counts kept for the live bar. */
interface Tally {
  total: number;
  done: number;
  cached: number;
  failed: number;
  inFlight: Map<string, number>;
  spent: number;
  started: number;
}

const money = (usd: number) => `$${usd.toFixed(usd < 1 ? 4 : 2)}`;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** A panel, with the stage when it is the upscale. */
const named = (event: { panel: string; stage: 'generate' | 'upscale' }) =>
  event.stage === 'upscale' ? `${event.panel} upscale` : event.panel;

/** One line for a plain (non-TTY) log, or undefined for events not worth a line. */
export function describeEvent(event: IssueEvent): string | undefined {
  switch (event.type) {
    case 'phase':
      return `${event.phase}${event.detail ? `: ${event.detail}` : ''}`;
    case 'note':
      return event.message;
    case 'cached':
      return `cached     ${event.panel}`;
    case 'submitted':
      return `submitted  ${named(event)} (task ${event.taskid}${event.attempt > 1 ? `, attempt ${event.attempt}` : ''})`;
    case 'reattached':
      return `reattached ${named(event)} (task ${event.taskid}, from the journal)`;
    case 'done':
      return `done       ${named(event)} (${money(event.cost)}, ${event.seconds.toFixed(1)} s)`;
    case 'adopted':
      return `adopted    ${named(event)} (task ${event.taskid}, found on Wiro: not paid again)`;
    case 'upscale-skipped':
      return `kept       ${event.panel} at its generated size: ${event.reason}`;
    case 'uncertain':
      return `UNCERTAIN  ${event.panel}: ${event.reason}`;
    case 'url-refreshed':
      return `refreshed  ${event.panel} (task ${event.taskid}: the output URL had expired)`;
    case 'retry':
      return `retry      ${event.panel}: ${event.reason}`;
    case 'failed':
      return `FAILED     ${event.panel}: ${event.reason}`;
    case 'concurrency':
      return `concurrency ${event.limit}: ${event.reason}`;
    case 'budget':
      return `budget     stop before ${event.panel}: spent ${money(event.spent)} of ${money(event.maxCost)}`;
    default:
      return undefined;
  }
}

/**
 * Progress for people: on a terminal a live bar (done / cached / in flight / failed, per-panel
 * progress, spend, ETA) redrawn on stderr; elsewhere (CI) one plain line per event.
 */
export function createProgress(options: { tty: boolean; write: Write; now?: () => number }) {
  const now = options.now ?? Date.now;
  const tally: Tally = {
    total: 0,
    done: 0,
    cached: 0,
    failed: 0,
    inFlight: new Map(),
    spent: 0,
    started: now(),
  };
  let drawn = false;

  const bar = () => {
    const finished = tally.done + tally.cached + tally.failed;
    const width = 24;
    const filled = tally.total ? Math.round((finished / tally.total) * width) : 0;
    const elapsed = (now() - tally.started) / 1000;
    const rate = tally.done > 0 ? elapsed / tally.done : Number.NaN;
    const eta = formatDuration(rate * (tally.total - finished));
    const steps = [...tally.inFlight].slice(0, 3).map(([id, pct]) => `${id} ${Math.round(pct)}%`);
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${finished}/${tally.total} · ${tally.done} done · ${tally.cached} cached · ${tally.inFlight.size} in flight · ${tally.failed} failed · ${money(tally.spent)} · ETA ${eta}${steps.length ? ` · ${steps.join(' ')}` : ''}`;
  };
  const redraw = () => {
    options.write(`\r\x1b[2K${bar()}`);
    drawn = true;
  };
  const line = (text: string) => {
    if (options.tty && drawn) options.write('\r\x1b[2K');
    options.write(`${text}\n`);
    if (options.tty) redraw();
  };

  return {
    onEvent(event: IssueEvent) {
      if (event.type === 'queued') tally.total++;
      else if (event.type === 'cached') tally.cached++;
      else if (
        event.type === 'submitted' ||
        event.type === 'reattached' ||
        event.type === 'adopted'
      )
        tally.inFlight.set(event.panel, 0);
      else if (event.type === 'progress') tally.inFlight.set(event.panel, event.percentage);
      else if (event.type === 'done') {
        tally.inFlight.delete(event.panel);
        // A generated picture that is still to be enlarged is not done yet.
        if (event.final) tally.done++;
        else tally.inFlight.set(event.panel, 0);
      } else if (event.type === 'upscale-skipped') {
        tally.inFlight.delete(event.panel);
        tally.done++;
      } else if (event.type === 'failed') {
        tally.inFlight.delete(event.panel);
        tally.failed++;
      } else if (event.type === 'retry') tally.inFlight.delete(event.panel);
      else if (event.type === 'cost') tally.spent = event.spent;

      const text = describeEvent(event);
      if (!options.tty) {
        if (text) options.write(`${text}\n`);
        return;
      }
      // On a terminal only notable lines scroll; the rest is in the bar.
      if (
        text &&
        [
          'phase',
          'note',
          'failed',
          'budget',
          'concurrency',
          'reattached',
          'adopted',
          'uncertain',
        ].includes(event.type)
      )
        line(text);
      else redraw();
    },
    /** Clears the bar before the summary is printed. */
    finish() {
      if (options.tty && drawn) options.write('\r\x1b[2K');
    },
  };
}
