import { crc32, deflateSync } from 'node:zlib';

/*
 * sharp can attach a profile itself (`withIccProfile`), but only together with a colour transform
 * into it: for a page already in sRGB that is an identity transform costing about a quarter of
 * the JPEG encoding. Writing the profile into the encoded file is a copy of the bytes.
 */

const JPEG_SOI = 0xffd8;
const ICC_SIGNATURE = Buffer.from('ICC_PROFILE\0', 'latin1');
/** Largest marker payload (65 535 minus the length field) less the ICC header of 14 bytes. */
const ICC_CHUNK = 65_535 - 2 - ICC_SIGNATURE.length - 2;

/**
 * A JPEG with `icc` in APP2 `ICC_PROFILE` markers (split into chunks as the ICC specification
 * says), placed after the JFIF/EXIF markers at its start. Throws if `jpeg` is not a JPEG.
 */
export function embedIccInJpeg(jpeg: Buffer, icc: Buffer): Buffer {
  if (jpeg.length < 4 || jpeg.readUInt16BE(0) !== JPEG_SOI) throw new Error('not a JPEG');
  const count = Math.ceil(icc.length / ICC_CHUNK);
  if (count > 255) throw new RangeError('ICC profile too large for JPEG markers');
  const markers: Buffer[] = [];
  for (let index = 0; index < count; index += 1) {
    const chunk = icc.subarray(index * ICC_CHUNK, (index + 1) * ICC_CHUNK);
    const header = Buffer.alloc(4);
    header.writeUInt16BE(0xffe2, 0);
    header.writeUInt16BE(2 + ICC_SIGNATURE.length + 2 + chunk.length, 2);
    markers.push(header, ICC_SIGNATURE, Buffer.from([index + 1, count]), chunk);
  }
  const at = endOfApplicationHeaders(jpeg, [0xffe0, 0xffe1]);
  return Buffer.concat([jpeg.subarray(0, at), ...markers, jpeg.subarray(at)]);
}

/** Offset after the SOI and any leading markers of the given kinds. */
function endOfApplicationHeaders(jpeg: Buffer, kinds: readonly number[]): number {
  let at = 2;
  while (at + 4 <= jpeg.length && kinds.includes(jpeg.readUInt16BE(at))) {
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return at;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A PNG with `icc` in an `iCCP` chunk (compressed, right after `IHDR`, as the PNG specification
 * requires it before `PLTE` and `IDAT`). `name` is the profile name the chunk carries. Throws if
 * `png` is not a PNG or already has a colour-space chunk.
 */
export function embedIccInPng(png: Buffer, icc: Buffer, name = 'sRGB'): Buffer {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  const existing = chunkTypesBeforeData(png).find((type) => type === 'iCCP' || type === 'sRGB');
  if (existing !== undefined) throw new Error(`PNG already has ${existing}`);
  const data = Buffer.concat([Buffer.from(`${name}\0\0`, 'latin1'), deflateSync(icc)]);
  const typeAndData = Buffer.concat([Buffer.from('iCCP', 'latin1'), data]);
  const chunk = Buffer.alloc(4 + typeAndData.length + 4);
  chunk.writeUInt32BE(data.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData), 4 + typeAndData.length);
  // IHDR is the first chunk and always 13 bytes: 8 (signature) + 4 + 4 + 13 + 4 (CRC).
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}

/** The types of a PNG's chunks up to its first `IDAT`. */
function chunkTypesBeforeData(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at + 8 <= png.length; at += 12 + png.readUInt32BE(at)) {
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') break;
    types.push(type);
  }
  return types;
}
