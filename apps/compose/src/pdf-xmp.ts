import type PDFDocument from 'pdfkit';
import { escapeMarkup } from './markup-text.js';

/** What the PDF's XMP metadata says. */
export interface XmpFields {
  title: string;
  author?: string | undefined;
  subject?: string | undefined;
  keywords?: string | undefined;
  /** BCP-47 language of the text. */
  language?: string | undefined;
  creatorTool: string;
  producer: string;
  createDate: Date;
}

const isoSeconds = (date: Date) => `${date.toISOString().split('.')[0]}Z`;

/** The `rdf:Description` elements of the XMP packet, every value escaped. */
export function buildXmpDescriptions(fields: XmpFields): string {
  const text = (value: string) => escapeMarkup(value);
  const alt = (name: string, value: string) =>
    `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${text(value)}</rdf:li></rdf:Alt></${name}>`;
  const dublinCore = [
    alt('dc:title', fields.title),
    ...(fields.author
      ? [`<dc:creator><rdf:Seq><rdf:li>${text(fields.author)}</rdf:li></rdf:Seq></dc:creator>`]
      : []),
    ...(fields.subject ? [alt('dc:description', fields.subject)] : []),
    ...(fields.language
      ? [`<dc:language><rdf:Bag><rdf:li>${text(fields.language)}</rdf:li></rdf:Bag></dc:language>`]
      : []),
    '<dc:format>application/pdf</dc:format>',
  ];
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${isoSeconds(fields.createDate)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${isoSeconds(fields.createDate)}</xmp:ModifyDate>`,
    `<xmp:CreatorTool>${text(fields.creatorTool)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    ...dublinCore,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${text(fields.producer)}</pdf:Producer>`,
    ...(fields.keywords ? [`<pdf:Keywords>${text(fields.keywords)}</pdf:Keywords>`] : []),
    '</rdf:Description>',
  ].join('\n');
}

/**
 * Makes pdfkit write our XMP descriptions instead of its own. pdfkit puts the title, author and
 * subject into the XMP packet unescaped, so `Tom & Jerry` makes the metadata ill-formed XML and
 * markup in a name injects elements; pdfkit keeps no option to turn that writer off, so its one
 * method that writes them is replaced on this document. (The Info dictionary is written
 * correctly by pdfkit and is left alone.)
 */
export function writeEscapedXmp(doc: typeof PDFDocument.prototype, fields: XmpFields): void {
  const target = doc as unknown as {
    _addInfo: () => void;
    appendXML: (xml: string, newline?: boolean) => void;
  };
  if (typeof target._addInfo !== 'function' || typeof target.appendXML !== 'function') {
    throw new Error('pdfkit changed how it writes XMP metadata; update pdf-xmp.ts');
  }
  target._addInfo = () => target.appendXML(buildXmpDescriptions(fields));
}
