/** A problem found before it is given a file position. Internal to the parser. */
export interface Problem {
  /** Where the problem is, in the script as written. */
  path: Array<string | number>;
  message: string;
  /** Point at the key (unknown keys, bad ids used as keys) or at the value (everything else). */
  target: 'key' | 'value';
}

/** A problem at a value. */
export function problemAt(path: Array<string | number>, message: string): Problem {
  return { path, message, target: 'value' };
}

/** A problem at a key. */
export function problemAtKey(path: Array<string | number>, message: string): Problem {
  return { path, message, target: 'key' };
}
