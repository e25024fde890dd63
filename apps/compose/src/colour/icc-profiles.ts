import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * An ICC profile compose ships (`apps/compose/profiles/`, where its origin and licence are
 * written down), with what a PDF output intent says about it.
 */
export interface IccProfile {
  /** Absolute path of the profile file (sharp takes a path). */
  path: string;
  /** Colour components: 3 for RGB, 4 for CMYK. */
  components: 3 | 4;
  /** `/OutputConditionIdentifier`: the condition's name in the ICC registry. */
  conditionIdentifier: string;
  /** `/OutputCondition`: the condition in words. */
  condition: string;
  /** `/Info`: what the profile is. */
  info: string;
  /** `/RegistryName`, for a condition registered with the ICC. */
  registryName?: string;
}

// Two folders up from this module is the package folder in every layout it runs from:
// src/colour/, dist/colour/ and the CLI bundle's dist/bundle/.
const profilePath = (name: string) =>
  fileURLToPath(new URL(`../../profiles/${name}`, import.meta.url));

/** sRGB IEC 61966-2.1 (ArgyllCMS reference profile, public domain). */
export const SRGB_PROFILE: IccProfile = Object.freeze({
  path: profilePath('sRGB.icc'),
  components: 3,
  conditionIdentifier: 'sRGB IEC61966-2.1',
  condition: 'sRGB IEC61966-2.1',
  info: 'sRGB IEC61966-2.1',
});

/** Coated FOGRA39 (ISO 12647-2:2004), made from Fogra's characterization data, CC0. */
export const FOGRA39_PROFILE: IccProfile = Object.freeze({
  path: profilePath('FOGRA39-coated.icc'),
  components: 4,
  conditionIdentifier: 'FOGRA39',
  condition:
    'Offset printing, according to ISO 12647-2:2004/Amd 1, OFCOM, paper type 1 or 2 = coated art, 115 g/m2, tone value increase curves A (CMY) and B (K)',
  info: 'Coated FOGRA39 (ISO 12647-2:2004)',
  registryName: 'http://www.color.org',
});

const loaded = new Map<string, Buffer>();

/** The profile's bytes, read once per process. */
export function readIccProfile(profile: IccProfile): Buffer {
  let bytes = loaded.get(profile.path);
  if (bytes === undefined) {
    bytes = readFileSync(profile.path);
    loaded.set(profile.path, bytes);
  }
  return bytes;
}
