/**
 * A file-name-safe name for an issue: the title in lower-case ASCII words joined by `-`, then
 * the issue number on three digits. Titles with no Latin letters or digits become `issue`.
 * @example createSlug('Café Noir: Part 2!', 7) // 'cafe-noir-part-2-007'
 */
export function createSlug(title: string, issue: number): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${words === '' ? 'issue' : words}-${String(issue).padStart(3, '0')}`;
}
