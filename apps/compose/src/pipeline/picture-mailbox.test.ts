import { describe, expect, it } from 'vitest';
import { createPictureMailbox } from './picture-mailbox.js';

describe('createPictureMailbox', () => {
  it('gives a picture delivered before or after it is asked for, and keeps the first delivery', async () => {
    const box = createPictureMailbox();
    box.deliver('a', '/cache/a.png');
    const b = box.picture('b');
    box.deliver('b', '/cache/b.png');
    box.deliver('b', '/cache/other.png');
    expect(await box.picture('a')).toBe('/cache/a.png');
    expect(await b).toBe('/cache/b.png');
  });

  it('rejects waits for undelivered pictures when closed, now and later, but not delivered ones', async () => {
    const box = createPictureMailbox();
    box.deliver('a', '/cache/a.png');
    const waiting = box.picture('b');
    box.close(new Error('render stopped'));
    await expect(waiting).rejects.toThrow('render stopped');
    await expect(box.picture('c')).rejects.toThrow('render stopped');
    expect(await box.picture('a')).toBe('/cache/a.png');
  });
});
