import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FOGRA39_PROFILE, type IccProfile, readIccProfile, SRGB_PROFILE } from './icc-profiles.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The ICC header fields that say what a profile is (ICC.1, clause 7.2). */
function header(profile: IccProfile) {
  const bytes = readIccProfile(profile);
  return {
    size: bytes.readUInt32BE(0),
    length: bytes.length,
    majorVersion: bytes[8],
    deviceClass: bytes.toString('latin1', 12, 16),
    colourSpace: bytes.toString('latin1', 16, 20),
    connectionSpace: bytes.toString('latin1', 20, 24),
    signature: bytes.toString('latin1', 36, 40),
  };
}

describe('the shipped ICC profiles', () => {
  // The hashes are the ones profiles/README.md records with each file's origin and licence.
  it.each([
    ['sRGB.icc', SRGB_PROFILE, '12a3bb4cbc91c48d1267aaa3342fa35e16aa862969dc93ec034b9b6e3c338ba5'],
    [
      'FOGRA39-coated.icc',
      FOGRA39_PROFILE,
      '9c605ca3df41a4567bbef61a5300ebe0f86b13922b59d3093cae15a42f9f0f67',
    ],
  ] as const)('%s is the file the README describes', (_name, profile, hash) => {
    expect(sha256(readIccProfile(profile))).toBe(hash);
    expect(statSync(profile.path).size).toBeLessThan(300_000);
  });

  it('sRGB is a version 2 RGB display profile', () => {
    expect(header(SRGB_PROFILE)).toMatchObject({
      majorVersion: 2,
      deviceClass: 'mntr',
      colourSpace: 'RGB ',
      signature: 'acsp',
    });
    expect(SRGB_PROFILE.components).toBe(3);
  });

  it('FOGRA39 is a version 2 CMYK output profile with Lab connection space', () => {
    const fogra = header(FOGRA39_PROFILE);
    expect(fogra).toMatchObject({
      majorVersion: 2,
      deviceClass: 'prtr',
      colourSpace: 'CMYK',
      connectionSpace: 'Lab ',
      signature: 'acsp',
    });
    expect(fogra.size).toBe(fogra.length);
    expect(FOGRA39_PROFILE.components).toBe(4);
    expect(FOGRA39_PROFILE.conditionIdentifier).toBe('FOGRA39');
  });
});
