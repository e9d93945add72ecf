/**
 * Record lines written as ASCII: every character past U+007F as a JSON `\uXXXX` escape (a pair of them for a
 * character outside the BMP, as JSON.stringify's UTF-16 strings hold it). JSON.parse gives back the same value.
 *
 * Why: the open decodes every line of the collections it loads (all but the messages). Measured on the 32 MB of
 * conversation lines of a 50 000-conversation store (mostly ASCII, with Chinese subjects and names): decoding them
 * as UTF-8 took 250–330 ms, the same text as ASCII 100–150 ms, and JSON.parse of it was no slower. The escapes
 * made those lines 3.6 % longer. Message lines are not escaped: their text is mostly Chinese (3 bytes a character in
 * UTF-8, 6 escaped), and they are read in the background, not while the user waits.
 */
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `json` (JSON text) with every non-ASCII character escaped; the same string when it has none. */
export function asciiJson(json: string): string {
  return NON_ASCII.test(json) ? json.replace(NON_ASCII_ALL, escape) : json;
}
