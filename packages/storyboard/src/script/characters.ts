/**
 * Which characters script text may hold. Text ends up in XML (ComicInfo.xml, XMP), HTML (the
 * reader), PDF metadata, prompts and the terminal, so the parser refuses, in every text field:
 * control characters (C0, DEL, C1; multi-line text keeps tab and line feed), lone surrogates and
 * noncharacters such as U+FFFE (XML cannot hold them), and bidirectional embedding, override and
 * isolate controls (U+202A–U+202E, U+2066–U+2069), which can make a title or a name display in
 * a misleading order. One-line labels also refuse U+2028 and U+2029, which break lines.
 * Right-to-left letters need none of these; the marks U+200E and U+200F stay allowed.
 */

/** What is refused everywhere, written as BMP ranges for the published JSON Schema. */
const REFUSED_EVERYWHERE =
  '\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uFDD0-\\uFDEF\\uFFFE\\uFFFF';

/**
 * Text that may span lines, for the JSON Schema and a first check (lone surrogates and the
 * noncharacters of the other planes are found by {@link findRefusedCharacter}).
 */
export const MULTILINE_TEXT = new RegExp(
  `^[^\\u0000-\\u0008\\u000B-\\u001F${REFUSED_EVERYWHERE}]*$`,
);
/** A one-line label, for the JSON Schema and a first check. */
export const ONE_LINE_TEXT = new RegExp(`^[^\\u0000-\\u001F\\u2028\\u2029${REFUSED_EVERYWHERE}]*$`);

/** Every refused character, lone surrogates and noncharacters of every plane included. */
const REFUSED = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu;

/** Names of the bidirectional controls, for messages. */
const BIDI_NAMES: Readonly<Record<number, string>> = {
  8234: 'left-to-right embedding',
  8235: 'right-to-left embedding',
  8236: 'pop directional formatting',
  8237: 'left-to-right override',
  8238: 'right-to-left override',
  8294: 'left-to-right isolate',
  8295: 'right-to-left isolate',
  8296: 'first strong isolate',
  8297: 'pop directional isolate',
};

/** `U+202E`. */
function formatCodePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character `value` may not hold, as a code point; `undefined` when it is clean. */
function findRefusedCharacter(value: string, oneLine: boolean): number | undefined {
  for (const match of value.matchAll(REFUSED)) {
    const char = match[0];
    if (!oneLine && (char === '\t' || char === '\n')) continue;
    if (!oneLine && (char === '\u2028' || char === '\u2029')) continue;
    return char.codePointAt(0);
  }
  return undefined;
}

/** Whether `value` holds only characters text of its kind may hold. */
export function isCleanText(value: string, oneLine: boolean): boolean {
  return findRefusedCharacter(value, oneLine) === undefined;
}

/**
 * What is wrong with the first refused character of `value`, for a writer; `undefined` when
 * there is none.
 * @example describeRefusedCharacter('a\u202Eb', true) // 'contains the bidirectional control U+202E (right-to-left override)…'
 */
export function describeRefusedCharacter(value: string, oneLine: boolean): string | undefined {
  const code = findRefusedCharacter(value, oneLine);
  if (code === undefined) return undefined;
  const name = formatCodePoint(code);
  const bidi = BIDI_NAMES[code];
  if (bidi !== undefined) {
    return `contains the bidirectional control ${name} (${bidi}), which can make text display in a misleading order; remove it (right-to-left letters need no control characters)`;
  }
  if (code === 0x2028 || code === 0x2029) {
    const what = code === 0x2028 ? 'line separator' : 'paragraph separator';
    return `contains the ${what} ${name}; this must be a single line of plain text`;
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    return `contains a lone surrogate ${name} (half of a broken character); remove it`;
  }
  if (code > 0x9f) {
    return `contains ${name}, which is not a character (XML and many programs refuse it); remove it`;
  }
  return oneLine
    ? `contains the control character ${name}; this must be a single line of plain text`
    : `contains the control character ${name}; only line breaks and tabs are allowed in text`;
}
