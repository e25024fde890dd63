import type { DialogueLine, PanelArt, Story } from 'storyboard';
import type { IssueSheet } from '../lettering/layout-lettering.js';

/** Text alternatives of one page image, from the script. */
export interface SheetDescription {
  /** The page image's alt text: the page and a summary of its panels (their scenes). */
  alt: string;
  /** Each panel in reading order: what it shows and every text lettered in it. */
  panels: Array<{ id: string; text: string }>;
}

/** Collapses runs of white space (folded YAML keeps line breaks) and trims. */
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A sentence: tidied, with a full stop unless it already ends in punctuation. */
const sentence = (text: string) => {
  const tidied = tidy(text);
  return tidied === '' || /[.!?…:;"”’)]$/.test(tidied) ? tidied : `${tidied}.`;
};

/** What a picture shows: its scene, else who is in it. */
function sceneOf(story: Story, art: PanelArt): string {
  if (art.scene !== undefined) return sentence(art.scene);
  const names = art.characters.map((id) => story.characters[id]?.name ?? id);
  return names.length > 0 ? sentence(names.join(' and ')) : '';
}

const VERBS: Readonly<Record<DialogueLine['kind'], string>> = {
  speech: 'says',
  thought: 'thinks',
  whisper: 'whispers',
  shout: 'shouts',
};

/** Every text lettered over a picture, in lettering order, as sentences. */
function letteringOf(story: Story, art: PanelArt, dialogue: readonly DialogueLine[]): string[] {
  return [
    ...art.captions.map((caption) => `Caption: ${sentence(caption.text)}`),
    ...dialogue.map((line) => {
      const name = story.characters[line.speaker]?.name ?? line.speaker;
      return `${name} ${VERBS[line.kind]}: ${sentence(line.text)}`;
    }),
    ...art.sfx.map((sfx) => `Sound: ${sentence(sfx.text)}`),
  ];
}

/**
 * Describes a page image for readers who cannot see it, from the script alone: the alt text
 * summarises the panels (the cover: its title and scene), and each panel's text adds everything
 * lettered in it (captions, who says, thinks, whispers or shouts what, sound effects).
 * @example describeSheet(story, sheet, 2).alt // 'Page 2 of 5, 3 panels. 1: A dark street. 2: …'
 */
export function describeSheet(
  story: Story,
  sheet: IssueSheet,
  pageCount: number,
): SheetDescription {
  if (sheet.kind === 'cover') {
    const { cover } = sheet;
    const title = cover.title ?? story.title;
    const alt = tidy(`Cover: ${sentence(title)} ${sceneOf(story, cover)}`);
    const text = [alt, ...letteringOf(story, cover, [])].join(' ');
    return { alt, panels: [{ id: cover.id, text }] };
  }
  const { page } = sheet;
  const count = page.panels.length;
  const scenes = page.panels.map((panel, index) =>
    tidy(`${index + 1}: ${sceneOf(story, panel) || 'no description.'}`),
  );
  const alt = `Page ${page.number} of ${pageCount}, ${count} panel${count === 1 ? '' : 's'}. ${scenes.join(' ')}`;
  const panels = page.panels.map((panel, index) => ({
    id: panel.id,
    text: [
      `Panel ${index + 1} of ${count}.`,
      sceneOf(story, panel),
      ...letteringOf(story, panel, panel.dialogue),
    ]
      .filter((part) => part !== '')
      .join(' '),
  }));
  return { alt: tidy(alt), panels };
}
