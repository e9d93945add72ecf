/**
 * Reading a message record's fields but its text straight from its JSON bytes, without decoding the line (the
 * snapshot reader's skim for messages left on disk, lazyMessages.ts). Each field is found with `Buffer.indexOf`;
 * anything unusual (an escape, a fraction, an unknown author) makes the skim give up, and the line is then parsed
 * whole, so a skim is either exact or absent.
 */
import type { Message } from '../../../shared/schema';

/** The authors in the order their index is stored (lazyMessages.ts keeps the index, not the string). */
export const AUTHORS = ['customer', 'agent', 'bot', 'system'] as const satisfies readonly Message['author'][];

const ID_KEY = Buffer.from('"id":"');
const CONVERSATION_KEY = Buffer.from('"conversationId":"');
const AT_KEY = Buffer.from('"at":');
const AUTHOR_KEY = Buffer.from('"author":"');
const AUTHOR_ID_KEY = Buffer.from('"authorId":');
const INTERNAL_KEY = Buffer.from('"internal":');

/**
 * The string value of `key` in a flat JSON object's bytes; null when missing or when it holds an escape (the caller
 * then parses the line whole). `"id":"` cannot match inside a string value: every quote inside one is escaped, and
 * the key's closing quote is preceded by a letter, not a backslash. Message records have no nested objects.
 */
function stringField(bytes: Buffer, key: Buffer): string | null {
  const k = bytes.indexOf(key);
  return k < 0 ? null : stringAt(bytes, k + key.length);
}

/** The string that starts at `start` (just after its opening quote), as stringField. */
function stringAt(bytes: Buffer, start: number): string | null {
  const end = bytes.indexOf(0x22, start);
  if (end <= start) return null;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === 0x5c) return null;
    if (b >= 0x80) return bytes.toString('utf8', start, end);
  }
  return bytes.toString('latin1', start, end);
}

/** The non-negative integer value of `key`; -1 when missing or not a plain integer. */
function intField(bytes: Buffer, key: Buffer): number {
  const k = bytes.indexOf(key);
  if (k < 0) return -1;
  let i = k + key.length;
  let v = 0;
  let digits = 0;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x30 || b > 0x39) break;
    v = v * 10 + (b - 0x30);
    digits++;
  }
  const next = bytes[i];
  if (digits === 0 || digits > 15 || (next !== 0x2c && next !== 0x7d)) return -1;
  return v;
}

/** The index of the value of `key` among `names` (a string field), -1 when missing or not one of them. */
function enumField(bytes: Buffer, key: Buffer, names: readonly string[]): number {
  const k = bytes.indexOf(key);
  if (k < 0) return -1;
  const start = k + key.length;
  next: for (let i = 0; i < names.length; i++) {
    const n = names[i];
    if (bytes[start + n.length] !== 0x22) continue;
    for (let j = 0; j < n.length; j++) if (bytes[start + j] !== n.charCodeAt(j)) continue next;
    return i;
  }
  return -1;
}

/** `"authorId":null` → null, `"authorId":"…"` → the string, else undefined (parse the line whole). */
function nullableStringField(bytes: Buffer, key: Buffer): string | null | undefined {
  const k = bytes.indexOf(key);
  if (k < 0) return undefined;
  const v = k + key.length;
  if (bytes[v] === 0x6e) return bytes[v + 1] === 0x75 && bytes[v + 2] === 0x6c && bytes[v + 3] === 0x6c ? null : undefined; // null
  if (bytes[v] !== 0x22) return undefined;
  return stringAt(bytes, v + 1) ?? undefined;
}

/** `"internal":true|false` → 1 | 0; missing → 0 (the schema's default); anything else → -1. */
function booleanField(bytes: Buffer, key: Buffer): number {
  const k = bytes.indexOf(key);
  if (k < 0) return 0;
  const v = bytes[k + key.length];
  return v === 0x74 ? 1 : v === 0x66 ? 0 : -1;
}

export interface Skimmed {
  id: string;
  conversationId: string;
  at: number;
  author: number;
  authorId: string | null;
  internal: boolean;
}

/** A message line's fields but its text, read from its bytes without decoding the rest (null: parse it whole). */
export function skimMessage(bytes: Buffer): Skimmed | null {
  if (bytes[0] !== 0x7b || bytes[bytes.length - 1] !== 0x7d) return null;
  const id = stringField(bytes, ID_KEY);
  if (id === null || id.length > 128) return null;
  const conversationId = stringField(bytes, CONVERSATION_KEY);
  if (conversationId === null || conversationId.length > 128) return null;
  const at = intField(bytes, AT_KEY);
  const author = enumField(bytes, AUTHOR_KEY, AUTHORS);
  const authorId = nullableStringField(bytes, AUTHOR_ID_KEY);
  const internal = booleanField(bytes, INTERNAL_KEY);
  if (at < 0 || author < 0 || authorId === undefined || (authorId !== null && authorId.length > 128) || internal < 0) return null;
  return { id, conversationId, at, author, authorId, internal: internal === 1 };
}
