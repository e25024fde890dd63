/** Lettering sizes and limits. Sizes are in points at print size, so they scale with the DPI. */
export interface LetteringOptions {
  /**
   * Size of dialogue and caption text, in points.
   * @default 9
   */
  fontSizePt?: number;
  /**
   * Smallest size text may shrink to before it counts as not fitting, in points.
   * @default 7
   */
  minFontSizePt?: number;
  /**
   * Widest a balloon's text may be, as a fraction of the panel width.
   * @default 0.62
   */
  balloonMaxWidth?: number;
  /**
   * Part of the panel height balloons and captions at the top may cover before the text is set
   * smaller (down to `minFontSizePt`); beyond the minimum size they may cover more.
   * @default 0.5
   */
  maxCoverage?: number;
  /**
   * Sound-effect size as a fraction of the panel's shorter side.
   * @default 0.15
   */
  sfxScale?: number;
  /**
   * Smallest sound-effect size, in points.
   * @default 12
   */
  minSfxSizePt?: number;
}

/** Colours and proportions of the lettering; fixed, not options. */
export const LETTERING_STYLE = Object.freeze({
  ink: '#000000',
  balloonFill: '#ffffff',
  captionFill: '#fff2bf',
  sfxFill: '#ffd42a',
  titleFill: '#ffe14d',
  /** Balloon outline width, points. */
  outlinePt: 0.9,
  /** Shout outline width, points. */
  shoutOutlinePt: 1.3,
  /** Caption box outline width, points. */
  captionOutlinePt: 0.75,
  /** Sound-effect outline width, fraction of its size. */
  sfxOutline: 0.09,
  /** Title outline width, fraction of its size. */
  titleOutline: 0.06,
  /** Shouts are set this much larger than other dialogue. */
  shoutScale: 1.1,
  /** Widest and narrowest a balloon's ellipse may be (width / height). */
  maxBalloonAspect: 2.6,
  minBalloonAspect: 1.15,
});

/** Options with defaults applied. */
export type ResolvedLetteringOptions = Required<LetteringOptions>;

/** Applies defaults; throws a `RangeError` for sizes that make no sense. */
export function resolveLetteringOptions(options: LetteringOptions = {}): ResolvedLetteringOptions {
  const resolved: ResolvedLetteringOptions = {
    fontSizePt: options.fontSizePt ?? 9,
    minFontSizePt: options.minFontSizePt ?? 7,
    balloonMaxWidth: options.balloonMaxWidth ?? 0.62,
    maxCoverage: options.maxCoverage ?? 0.5,
    sfxScale: options.sfxScale ?? 0.15,
    minSfxSizePt: options.minSfxSizePt ?? 12,
  };
  if (!(resolved.minFontSizePt > 0 && resolved.minFontSizePt <= resolved.fontSizePt)) {
    throw new RangeError(
      `lettering.minFontSizePt must be positive and at most fontSizePt (got ${resolved.minFontSizePt} and ${resolved.fontSizePt})`,
    );
  }
  if (!(resolved.balloonMaxWidth > 0 && resolved.balloonMaxWidth <= 1)) {
    throw new RangeError(
      `lettering.balloonMaxWidth must be in (0, 1] (got ${resolved.balloonMaxWidth})`,
    );
  }
  return resolved;
}

/** Points to canvas pixels. */
export function pointsToPixels(points: number, dpi: number): number {
  return (points * dpi) / 72;
}
