import { closeSync, fdatasync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import type { RunInputs } from 'wiro-core';

const flushToDisk = promisify(fdatasync);

/** One line of the journal. */
export type JournalRecord =
  /**
   * A Run is about to be sent, with exactly these inputs (write-ahead). Until an `accepted` or
   * `abandoned` record for the same key follows, a task may or may not exist for it on Wiro.
   */
  | { type: 'intent'; key: string; panel: string; model: string; inputs: RunInputs; at: number }
  /** A task for the key exists: its Run was accepted, or it was found in Task/List (adopted). */
  | {
      type: 'accepted';
      key: string;
      panel: string;
      taskid: string;
      token: string;
      at: number;
      adopted?: boolean;
    }
  /** Task/List proved that no task exists for the key's open intents. */
  | { type: 'abandoned'; key: string; at: number }
  /** The task's outcome is known (or no longer ours to follow). */
  | {
      type: 'settled';
      key: string;
      taskid: string;
      outcome: 'done' | 'failed' | 'stopped';
      at: number;
    }
  /** A Run may have been accepted and Task/List could not tell: it may be billed twice. */
  | { type: 'uncertain'; key: string; panel: string; reason: string; at: number };

/** A task accepted earlier whose outcome was never recorded: re-attach instead of re-running. */
export interface PendingTask {
  key: string;
  panel: string;
  taskid: string;
  token: string;
}

/** Runs that were about to be sent when a process stopped, with no task known for them. */
export interface OpenIntent {
  key: string;
  panel: string;
  model: string;
  inputs: RunInputs;
  /** When the first of them was written (ms since epoch). */
  since: number;
}

/**
 * An append-only JSON-lines journal, so that a process killed at any moment leaves enough behind
 * for the next run to re-attach to its tasks, or find them on Wiro, instead of paying again.
 */
export class Journal {
  private readonly fd: number;
  private readonly records: JournalRecord[];

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.records = Journal.read(path);
    this.fd = openSync(path, 'a');
  }

  /** Reads a journal, ignoring a torn last line left by a crash. */
  static read(path: string): JournalRecord[] {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return [];
    }
    const records: JournalRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        records.push(JSON.parse(line));
      } catch {
        // A torn write from a crash: the record never completed, so it never happened.
      }
    }
    return records;
  }

  /**
   * Appends a record before returning: it survives the process being killed. Records that must
   * also survive a power cut (intents, accepted tasks) are then {@link flush}ed.
   */
  write(record: JournalRecord): void {
    this.records.push(record);
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  /**
   * Flushes every record written so far to the disk. On the thread pool, not the event loop:
   * a flush takes milliseconds, and blocking on one per Run would hold up every other task.
   */
  async flush(): Promise<void> {
    await flushToDisk(this.fd);
  }

  /** Accepted tasks with no settled record. */
  pending(): PendingTask[] {
    const open = new Map<string, PendingTask>();
    for (const record of this.records) {
      if (record.type === 'accepted') {
        open.set(record.taskid, {
          key: record.key,
          panel: record.panel,
          taskid: record.taskid,
          token: record.token,
        });
      } else if (record.type === 'settled') open.delete(record.taskid);
    }
    return [...open.values()];
  }

  /** Intents with neither a task nor proof that none exists, one entry per key. */
  openIntents(): OpenIntent[] {
    const open = new Map<string, OpenIntent>();
    for (const record of this.records) {
      if (record.type === 'intent') {
        const earlier = open.get(record.key);
        open.set(record.key, {
          key: record.key,
          panel: record.panel,
          model: record.model,
          inputs: record.inputs,
          since: earlier?.since ?? record.at,
        });
      } else if (record.type === 'accepted' || record.type === 'abandoned') {
        open.delete(record.key);
      }
    }
    return [...open.values()];
  }

  /** Every task id the journal knows of for a key (so a search never adopts one twice). */
  taskIds(key: string): string[] {
    return this.records.flatMap((r) => (r.type === 'accepted' && r.key === key ? [r.taskid] : []));
  }

  close(): void {
    closeSync(this.fd);
  }
}
