/**
 * The `/query` being typed at the caret, if any: a slash at the start or after whitespace, then up to 30
 * non-space characters. "http://x" or "1/2" do not open the picker.
 */
export function triggerAt(text: string, caret: number): { start: number; query: string } | null {
  const m = text.slice(0, caret).match(/(?:^|\s)\/([^\s/]{0,30})$/u);
  if (!m) return null;
  return { start: caret - m[1].length - 1, query: m[1] };
}
