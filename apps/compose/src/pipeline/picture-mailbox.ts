import type { PictureArrivals } from '../panel-pictures.js';

/** The render's side of {@link PictureArrivals}: panel pictures are delivered as they are final. */
export interface PictureMailbox extends PictureArrivals {
  /** A panel's picture is final. A second delivery for the same panel is ignored. */
  deliver(id: string, path: string): void;
  /** No more pictures will come: every wait for an undelivered one, now or later, rejects. */
  close(reason: Error): void;
}

interface Slot {
  promise: Promise<string>;
  resolve(path: string): void;
  reject(reason: Error): void;
}

/** Creates an empty {@link PictureMailbox}. */
export function createPictureMailbox(): PictureMailbox {
  const slots = new Map<string, Slot>();
  let closed: Error | undefined;
  const slot = (id: string): Slot => {
    const existing = slots.get(id);
    if (existing) return existing;
    let resolve: Slot['resolve'] = () => undefined;
    let reject: Slot['reject'] = () => undefined;
    const promise = new Promise<string>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    // A picture nobody waits for must not become an unhandled rejection when the box closes.
    promise.catch(() => undefined);
    const created = { promise, resolve, reject };
    slots.set(id, created);
    if (closed) reject(closed);
    return created;
  };
  return {
    picture: (id) => slot(id).promise,
    deliver: (id, path) => slot(id).resolve(path),
    close(reason) {
      closed = reason;
      // Rejecting a delivered slot does nothing: its promise has already resolved.
      for (const pending of slots.values()) pending.reject(reason);
    },
  };
}
