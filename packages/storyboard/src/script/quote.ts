/** Characters that must never reach a terminal raw: controls, bidi overrides, invisibles. */
const UNSAFE =
  /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Makes text from a script safe to show in a message: control, bidi-override and invisible
 * characters are written as `\uXXXX` escapes, and long text is shortened.
 * @example quoteForMessage('a\u202Eb') // 'a\\u202Eb'
 */
export function quoteForMessage(value: string, max = 60): string {
  const short = value.length > max ? `${value.slice(0, max)}…` : value;
  return short.replace(
    UNSAFE,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
