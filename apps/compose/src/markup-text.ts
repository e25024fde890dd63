/**
 * Characters XML 1.0 does not allow in a document: C0 controls other than tab, line feed and
 * carriage return, U+FFFE and U+FFFF, and UTF-16 surrogates that are not part of a pair.
 */
const NOT_IN_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for XML and HTML, as content or as a quoted attribute value: markup characters
 * become entities and characters no XML document may hold are dropped. Every XML, XMP and HTML
 * writer uses this one function. (The script parser refuses such characters already; this keeps
 * the writers safe for any caller.)
 *
 * @example escapeMarkup('Tom & <Jerry>\uFFFE') // 'Tom &amp; &lt;Jerry&gt;'
 */
export function escapeMarkup(text: string): string {
  return text.replace(NOT_IN_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
