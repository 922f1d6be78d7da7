/** How many times each Han character occurs in `text` (the multiset every text check compares). */
export function hanCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text.match(/\p{Script=Han}/gu) ?? []) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}
