/** What every lettering step needs to know about the page being lettered. @internal */
import type { ReadingDirection } from 'storyboard';
import type { LetteringPlace } from '../errors.js';
import type { ResolvedLetteringOptions } from './style.js';
import type { TextSetter } from './text-setter.js';

export interface LetteringContext {
  setter: TextSetter;
  dpi: number;
  options: ResolvedLetteringOptions;
  place: LetteringPlace;
  direction: ReadingDirection;
}

/** Something that did not fit: the text and why. */
export interface Overflow {
  text: string;
  reason: string;
}
