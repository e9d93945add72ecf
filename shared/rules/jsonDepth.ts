/**
 * How deeply a JSON text nests, counted in one linear pass (strings skipped), stopping as soon as it passes
 * `limit`. Parsing a text nested a million levels deep makes JSON.parse (and any recursive walker) hold the event
 * loop for hundreds of milliseconds before it overflows the stack; this check answers in a few milliseconds, so
 * such input is refused before anything recursive sees it.
 */
export const MAX_JSON_DEPTH = 64;

export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): { exceeded: boolean; offset: number } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return { exceeded: true, offset: i };
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return { exceeded: false, offset: -1 };
}
