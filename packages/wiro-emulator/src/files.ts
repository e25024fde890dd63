/** One downloadable file: a task output or an upload. */
export interface StoredFile {
  bytes: Buffer;
  contentType: string;
  /** When the URL stops working (ms since epoch); undefined never expires. */
  expiresAt: number | undefined;
}

/** Files served under `/files/`, keyed by their decoded path below it (`<folder>/<name>`). */
export interface FileStore {
  put(folder: string, name: string, file: StoredFile): void;
  get(folder: string, name: string): StoredFile | undefined;
}

/** The storage's 404 messages: no such file, or a file whose URL has expired. */
export const FILE_MISSING = 'The specified key does not exist.';
export const FILE_EXPIRED = 'The requested file has expired.';

/** URL path of a stored file (segments percent-encoded). */
export function toFilePath(folder: string, name: string): string {
  return `/files/${encodeURIComponent(folder)}/${encodeURIComponent(name)}`;
}

/** Splits a request path `/files/<folder>/<name>` back into its decoded parts. */
export function parseFilePath(pathname: string): { folder: string; name: string } | undefined {
  const match = /^\/files\/([^/]+)\/([^/]+)$/.exec(pathname);
  if (!match) return undefined;
  try {
    return { folder: decodeURIComponent(match[1] ?? ''), name: decodeURIComponent(match[2] ?? '') };
  } catch {
    return undefined;
  }
}

/**
 * The file a `/files/<folder>/<name>` path names, if it exists and its URL still works at `now`;
 * otherwise the 404 message a download of it gets.
 */
export function findLiveFile(
  store: FileStore,
  pathname: string,
  now: number,
): { file: StoredFile } | { missing: string } {
  const location = parseFilePath(pathname);
  const file = location && store.get(location.folder, location.name);
  if (!file) return { missing: FILE_MISSING };
  if (file.expiresAt !== undefined && now >= file.expiresAt) return { missing: FILE_EXPIRED };
  return { file };
}

/** Creates an in-memory {@link FileStore}. */
export function createFileStore(): FileStore {
  const files = new Map<string, StoredFile>();
  return {
    put: (folder, name, file) => files.set(`${folder}/${name}`, file),
    get: (folder, name) => files.get(`${folder}/${name}`),
  };
}
