import { closeSync, fdatasyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** One line of the journal. */
export type JournalRecord =
  /** A Run is about to be sent: if no `accepted` follows, it may or may not exist on Wiro. */
  | { type: 'submitting'; key: string; panel: string; at: number }
  | { type: 'accepted'; key: string; panel: string; taskid: string; token: string; at: number }
  /** The task's outcome is known (or no longer ours to follow). */
  | {
      type: 'settled';
      key: string;
      taskid: string;
      outcome: 'done' | 'failed' | 'stopped';
      at: number;
    }
  | { type: 'uncertain'; key: string; panel: string; reason: string; at: number };

/** A task accepted earlier whose outcome was never recorded: re-attach instead of re-running. */
export interface PendingTask {
  key: string;
  panel: string;
  taskid: string;
  token: string;
}

/**
 * An append-only JSON-lines journal, flushed to disk on every record, so that a process killed at
 * any moment leaves enough behind for the next run to re-attach to its tasks instead of paying
 * for them again.
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
   * Appends a record before returning. Written data survives the process being killed; an
   * `accepted` record is also flushed to the disk, so it survives a power cut too (the others
   * only save work, and blocking on a flush for each would slow every panel).
   */
  write(record: JournalRecord): void {
    this.records.push(record);
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    if (record.type === 'accepted') fdatasyncSync(this.fd);
  }

  /** Accepted tasks with no settled record, newest per key. */
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

  close(): void {
    closeSync(this.fd);
  }
}
