import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSignature } from 'wiro-core';
import { AUTH_MESSAGES, type Emulator, startEmulator } from '../src/index.js';
import { authHeaders, postJson } from './_signed-fetch.js';

describe('auth', () => {
  let wiro: Emulator;
  beforeAll(async () => {
    wiro = await startEmulator({
      projects: [{ apiKey: 'signed-key', apiSecret: 'signed-secret' }, { apiKey: 'plain-key' }],
    });
  });
  afterAll(() => wiro.close());

  const detail = (headers: Record<string, string>) =>
    postJson({ url: wiro.url, apiKey: '' }, '/Task/Detail', { taskid: '1' }, headers);

  it('accepts a valid signature (an unknown task is then code 1)', async () => {
    const reply = await detail(
      authHeaders({ url: wiro.url, apiKey: 'signed-key', apiSecret: 'signed-secret' }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      result: false,
      errors: [{ code: 1, message: 'There is no task yet.' }],
    });
  });

  it.each([
    ['no key', {}, AUTH_MESSAGES.unknownKey],
    ['an unknown key', { 'x-api-key': 'nobody' }, AUTH_MESSAGES.unknownKey],
    [
      'a signature project without nonce/signature',
      { 'x-api-key': 'signed-key' },
      AUTH_MESSAGES.signatureRequired,
    ],
    [
      'a nonce without signature',
      { 'x-api-key': 'signed-key', 'x-nonce': '5' },
      AUTH_MESSAGES.signatureRequired,
    ],
    [
      'a signature made with the wrong secret',
      {
        'x-api-key': 'signed-key',
        'x-nonce': '7',
        'x-signature': computeSignature('signed-key', 'wrong', '7'),
      },
      AUTH_MESSAGES.invalid,
    ],
    [
      'a malformed signature',
      { 'x-api-key': 'signed-key', 'x-nonce': '8', 'x-signature': 'abc' },
      AUTH_MESSAGES.invalid,
    ],
  ])('rejects %s with HTTP 401 and the exact message', async (_name, headers, message) => {
    const reply = await detail(headers);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ result: false, errors: [{ code: 0, message }] });
  });

  it('uses the exact protocol wording', () => {
    expect(AUTH_MESSAGES).toEqual({
      unknownKey: 'Project authorization is not founded.',
      signatureRequired:
        'Project requires signature authentication. x-signature and x-nonce headers are required.',
      invalid: 'Project authorization is not valid.',
    });
  });

  it('accepts a reused nonce, as Wiro documents no uniqueness rule, and counts it', async () => {
    const target = { url: wiro.url, apiKey: 'signed-key', apiSecret: 'signed-secret' };
    const before = wiro.ledger().nonceReuses;
    expect((await detail(authHeaders(target, '1000'))).status).toBe(200);
    expect(wiro.ledger().requests.at(-1)).not.toHaveProperty('nonceReused');
    expect((await detail(authHeaders(target, '2000'))).status).toBe(200);
    const reused = await detail(authHeaders(target, '1000'));
    expect(reused.status).toBe(200);
    expect(reused.body.errors[0].code).toBe(1);
    expect(wiro.ledger().requests.at(-1)).toMatchObject({ status: 200, nonceReused: true });
    expect(wiro.ledger().nonceReuses).toBe(before + 1);
  });

  it('refuses a reused nonce, even one used long ago, when nonces are strict', async () => {
    const strict = await startEmulator({
      strictNonces: true,
      projects: [{ apiKey: 'signed-key', apiSecret: 'signed-secret' }],
    });
    try {
      const target = { url: strict.url, apiKey: 'signed-key', apiSecret: 'signed-secret' };
      const ask = (nonce: string) =>
        postJson(target, '/Task/Detail', { taskid: '1' }, authHeaders(target, nonce));
      expect((await ask('1000')).status).toBe(200);
      expect((await ask('2000')).status).toBe(200);
      const replay = await ask('1000');
      expect(replay.status).toBe(401);
      expect(replay.body.errors).toEqual([{ code: 0, message: AUTH_MESSAGES.invalid }]);
      expect(strict.ledger().nonceReuses).toBe(0);
    } finally {
      await strict.close();
    }
  });

  it('does not burn a nonce on a bad signature', async () => {
    const bad = { 'x-api-key': 'signed-key', 'x-nonce': '3000', 'x-signature': '0'.repeat(64) };
    expect((await detail(bad)).status).toBe(401);
    const good = authHeaders(
      { url: wiro.url, apiKey: 'signed-key', apiSecret: 'signed-secret' },
      '3000',
    );
    expect((await detail(good)).status).toBe(200);
  });

  it('accepts an api-key-only project with just x-api-key', async () => {
    const reply = await detail({ 'x-api-key': 'plain-key' });
    expect(reply.status).toBe(200);
    expect(reply.body.errors[0].code).toBe(1);
  });

  it('never echoes the secret or signature', async () => {
    const signature = computeSignature('signed-key', 'wrong', '9');
    const reply = await detail({
      'x-api-key': 'signed-key',
      'x-nonce': '9',
      'x-signature': signature,
    });
    const text = JSON.stringify(reply.body) + JSON.stringify(wiro.ledger());
    expect(text).not.toContain(signature);
    expect(text).not.toContain('signed-secret');
  });

  it('leaves downloads and the ledger public', async () => {
    const ledger = await fetch(`${wiro.origin}/__emulator/ledger`);
    expect(ledger.status).toBe(200);
    const file = await fetch(`${wiro.origin}/files/1/0.png`);
    expect(file.status).toBe(404);
  });
});
