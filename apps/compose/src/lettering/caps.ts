import type { PanelText } from './letter-panel.js';

/**
 * A panel's dialogue, captions and sound effects in capitals, the convention of comic lettering
 * (`lettering.caps`, on by default for `us-comic` pages), upper-cased by the rules of the book's
 * `language` (Turkish `i` becomes `İ`). The cover title keeps the case the script gives it.
 * The lists keep their order, so problems found in the capitalised text still point at the
 * script's line.
 */
export function capitaliseText(content: PanelText, language: string): PanelText {
  const upper = <T extends { text: string }>(item: T): T => ({
    ...item,
    text: item.text.toLocaleUpperCase(language),
  });
  return {
    ...content,
    captions: content.captions.map(upper),
    dialogue: content.dialogue.map(upper),
    sfx: content.sfx.map(upper),
  };
}
