import { fontFilesByKey, listFaceFonts } from './font-files.js';
import { fontMeasuresPath, readFontMeasures, writeFontMeasures } from './font-measures.js';
import { FontSet } from './font-set.js';

/** A font set whose measures are kept in a cache folder between runs. */
export interface MeasuredFontSet {
  fonts: FontSet;
  /** Stores what the set measured from the fonts since it opened, if anything. */
  save(): Promise<void>;
}

/** The bundled fonts with the measures kept under the cache folder `cacheDir`. */
export function openMeasuredFontSet(cacheDir: string): MeasuredFontSet {
  const faces = listFaceFonts();
  const path = fontMeasuresPath(cacheDir, [...fontFilesByKey(faces).values()]);
  const fonts = new FontSet(faces, readFontMeasures(path));
  return {
    fonts,
    save: async () => {
      if (fonts.measured > 0) await writeFontMeasures(path, fonts.measures);
    },
  };
}
