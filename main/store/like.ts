/** a LIKE pattern matching `search` anywhere, with % _ and \ escaped (use with ESCAPE '\'); null when empty */
export function containsPattern(search: string | undefined): string | null {
  if (!search) return null;
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
