/**
 * Greedy word wrap to at most `maxLines` lines of `width` characters; words longer than a line are
 * cut, and an ellipsis marks text that did not fit.
 *
 * @example
 * wrapText('a quick brown fox', 7, 2); // ['a quick', 'brow...']
 */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  if (width < 1 || maxLines < 1) return lines;
  let current = '';
  const words = text.split(' ').filter((word) => word.length > 0);
  let index = 0;
  while (index < words.length) {
    const word = words[index] as string;
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= width) {
      current = candidate;
      index++;
      continue;
    }
    if (!current) {
      current = word.slice(0, width);
      words[index] = word.slice(width);
    }
    lines.push(current);
    current = '';
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && current) lines.push(current);
  if (index < words.length && lines.length > 0) {
    const last = lines[lines.length - 1] as string;
    lines[lines.length - 1] =
      last.length + 3 <= width ? `${last}...` : `${last.slice(0, Math.max(0, width - 3))}...`;
  }
  return lines;
}
