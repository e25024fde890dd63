import { expect, it } from 'vitest';

/**
 * One test per row of `cases`: `fn(input)` equals `expected`. `title` formats the row as
 * `it.each` does (`%j`, `%s`: input, then expected).
 */
export function itReturnsEach<I, O>(
  fn: (input: I) => O,
  cases: ReadonlyArray<[I, O]>,
  title = '%j → %j',
): void {
  it.each(cases)(title, (input, expected) => {
    expect(fn(input)).toEqual(expected);
  });
}
