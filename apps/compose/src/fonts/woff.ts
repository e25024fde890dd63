import { inflateSync } from 'node:zlib';

/** `wOFF`: the first four bytes of a WOFF 1.0 file. */
const WOFF_SIGNATURE = 0x774f4646;
const WOFF_HEADER_BYTES = 44;
const WOFF_ENTRY_BYTES = 20;
const SFNT_HEADER_BYTES = 12;
const SFNT_ENTRY_BYTES = 16;

/** Whether `data` is a WOFF 1.0 font. */
export function isWoff(data: Uint8Array): boolean {
  return data.byteLength >= WOFF_HEADER_BYTES && readView(data).getUint32(0) === WOFF_SIGNATURE;
}

function readView(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The plain TrueType/OpenType font inside a WOFF 1.0 file, its tables inflated with zlib: the
 * same tables, glyph ids and metrics, without fontkit inflating each table in JavaScript.
 */
export function woffToSfnt(data: Uint8Array): Uint8Array {
  const woff = readView(data);
  const numTables = woff.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = WOFF_HEADER_BYTES + i * WOFF_ENTRY_BYTES;
    const offset = woff.getUint32(entry + 4);
    const compLength = woff.getUint32(entry + 8);
    const origLength = woff.getUint32(entry + 12);
    const stored = data.subarray(offset, offset + compLength);
    return {
      tag: woff.getUint32(entry),
      checksum: woff.getUint32(entry + 16),
      bytes: compLength < origLength ? inflateSync(stored) : stored,
    };
  });
  const pad4 = (n: number) => (n + 3) & ~3;
  let size = SFNT_HEADER_BYTES + numTables * SFNT_ENTRY_BYTES;
  for (const table of tables) size += pad4(table.bytes.byteLength);
  const sfnt = new Uint8Array(size);
  const out = readView(sfnt);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  out.setUint32(0, woff.getUint32(4)); // flavor: the sfnt version
  out.setUint16(4, numTables);
  out.setUint16(6, searchRange);
  out.setUint16(8, entrySelector);
  out.setUint16(10, numTables * 16 - searchRange);
  let offset = SFNT_HEADER_BYTES + numTables * SFNT_ENTRY_BYTES;
  tables.forEach((table, i) => {
    const entry = SFNT_HEADER_BYTES + i * SFNT_ENTRY_BYTES;
    out.setUint32(entry, table.tag);
    out.setUint32(entry + 4, table.checksum);
    out.setUint32(entry + 8, offset);
    out.setUint32(entry + 12, table.bytes.byteLength);
    sfnt.set(table.bytes, offset);
    offset += pad4(table.bytes.byteLength);
  });
  return sfnt;
}
