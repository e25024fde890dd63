import type PDFDocument from 'pdfkit';
import { type IccProfile, readIccProfile } from './colour/icc-profiles.js';

/** The part of a pdfkit object reference used here. */
interface PdfReference {
  end(chunk?: Buffer): void;
}

/**
 * Gives the document an output intent (`/OutputIntents` in the catalog, subtype `GTS_PDFX`)
 * with `profile` embedded as its `/DestOutputProfile`: the colour space the document's device
 * colours mean, which print preflight and colour-managed viewers read.
 */
export function addOutputIntent(doc: typeof PDFDocument.prototype, profile: IccProfile): void {
  const ref = (data: Record<string, unknown>) =>
    (doc as unknown as { ref(data: Record<string, unknown>): PdfReference }).ref(data);
  const icc = ref({ N: profile.components });
  icc.end(readIccProfile(profile));
  // pdfkit writes String objects as PDF strings, plain strings as names.
  const intent = ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(profile.conditionIdentifier),
    OutputCondition: new String(profile.condition),
    Info: new String(profile.info),
    ...(profile.registryName === undefined
      ? {}
      : { RegistryName: new String(profile.registryName) }),
    DestOutputProfile: icc,
  });
  intent.end();
  const root = (doc as unknown as { _root: { data: Record<string, unknown> } })._root;
  root.data.OutputIntents = [intent];
}
