import { createCmykPalette } from '../colour/cmyk.js';
import { FOGRA39_PROFILE } from '../colour/icc-profiles.js';
import { letteringColours } from '../lettering/pdf-lettering.js';
import type { OutputContext, OutputWriter } from './output-writer.js';
import { createPdfEditionOutput } from './pdf-output.js';

/**
 * `<slug>-cmyk.pdf`, the print edition: each page's art (without lettering) converted to CMYK
 * with the Coated FOGRA39 profile and embedded as a CMYK JPEG; all lettering drawn over it as
 * vectors, black as black ink only (0/0/0/100) and other colours through the same profile;
 * a FOGRA39 output intent; trim and bleed boxes, fonts and pages as in `<slug>.pdf`.
 */
export function createCmykPdfOutput(context: OutputContext): OutputWriter {
  const palette = createCmykPalette(FOGRA39_PROFILE);
  return createPdfEditionOutput(context, {
    kind: 'pdf-cmyk',
    fileName: `${context.story.slug}-cmyk.pdf`,
    colours: { intent: FOGRA39_PROFILE, paint: (colour) => palette.get(colour) },
    art: (image) => image.cmykArt,
    needs: 'cmykArt',
    prepare: async ({ planned, image }) => {
      const lettering = image.lettering ?? planned.lettering;
      if (lettering !== undefined) await palette.prepare(letteringColours(lettering));
    },
  });
}
