import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itReturnsEach } from '../../../tooling/test-table.js';
import { createRecorder, describeShape, describeStringFormat } from './record.js';

describe('describeStringFormat', () => {
  itReturnsEach(
    describeStringFormat,
    [
      ['', 'empty'],
      ['0', 'zero'],
      ['1734513807', 'int'],
      ['6.0000', 'decimal4'],
      ['0.003510000000', 'decimal12'],
      ['15bce51f-442f-4f44-a71d-13c6374a62bd', 'uuid'],
      ['6bc392c93856dfce3a7d1b4261e15af3', 'hex32'],
      ['eDcCm5yyUfIvMFspTwww49OUfgXkQt', 'token'],
      ['https://cdn1.wiro.ai/x/0.png', 'url'],
      ['["tool","image-to-image"]', 'json-array'],
      ['{"raw":"x"}', 'json-object'],
      ['ComicsFact1 style. A cat.', 'text'],
      ['[not json', 'text'],
    ],
    '%j is %s',
  );
});

describe('describeShape', () => {
  it('keeps keys and types, never values', () => {
    const shape = describeShape({
      result: true,
      total: '1',
      tasklist: [{ id: '2221', prompt: 'secret plot twist', expiretime: null, ispublic: 0 }],
      empty: [],
    });
    expect(shape).toEqual({
      result: 'boolean',
      total: 'string:int',
      tasklist: [
        { id: 'string:int', prompt: 'string:text', expiretime: 'null', ispublic: 'number' },
      ],
      empty: [],
    });
    expect(JSON.stringify(shape)).not.toContain('secret');
  });

  it('lists the distinct shapes of array elements once each', () => {
    expect(describeShape(['1', '2', 'a', 3])).toEqual(['string:int', 'string:text', 'number']);
  });
});

describe('createRecorder', () => {
  it('appends one JSON line per entry and drops anything that is not a plain label', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wiro-record-'));
    try {
      const path = join(dir, 'sub', 'transcript.jsonl');
      const record = createRecorder(path, () => Date.UTC(2025, 0, 1));
      record({ endpoint: 'POST /Task/Detail', status: 200, ok: true, shape: { a: 'string:int' } });
      record({
        endpoint: 'socket',
        status: null,
        frameType: 'https://evil.example/x',
        error: 'fetch failed: http://host/secret',
        errorCode: Number.NaN,
      });
      const lines = (await readFile(path, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toEqual([
        {
          v: 1,
          at: '2025-01-01T00:00:00.000Z',
          endpoint: 'POST /Task/Detail',
          status: 200,
          ok: true,
          shape: { a: 'string:int' },
        },
        {
          v: 1,
          at: '2025-01-01T00:00:00.000Z',
          endpoint: 'socket',
          status: null,
          frameType: 'other',
          error: 'other',
        },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
