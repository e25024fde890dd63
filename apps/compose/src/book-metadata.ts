import type { Story } from 'storyboard';

/** Book details the CBZ and EPUB record beyond title, credits and dates, as the script gives them. */
export interface BookMetadata {
  publisher: string | undefined;
  /** In script order; empty when the script gives none. */
  genres: string[];
  /** As ComicInfo spells it (`Teen`, `Mature 17+`, ...). */
  ageRating: string | undefined;
  /** Web page of the book or series. */
  web: string | undefined;
  /** ISO 639 code of the language: the script's, else the primary subtag of `language`. */
  languageIso: string;
  /** `true` for a black-and-white book, `false` for colour, `undefined` when not known. */
  blackAndWhite: boolean | undefined;
}

/** The script fields behind {@link BookMetadata}, which a story may not have yet. */
type BookFields = Partial<{
  publisher: string;
  genre: readonly string[];
  ageRating: string;
  web: string;
  languageIso: string;
  color: string;
}>;

/**
 * The script's book details for the archives' metadata. Read defensively: a story parsed by a
 * script format without these fields gives only the language code.
 */
export function bookMetadata(story: Story): BookMetadata {
  const fields = story as Story & BookFields;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    publisher: text(fields.publisher),
    genres: Array.isArray(fields.genre) ? fields.genre.filter((genre) => text(genre)) : [],
    ageRating: text(fields.ageRating),
    web: text(fields.web),
    languageIso:
      text(fields.languageIso) ?? (story.language.split('-')[0] ?? story.language).toLowerCase(),
    blackAndWhite: fields.color === 'bw' ? true : fields.color === 'full' ? false : undefined,
  };
}
