/**
 * The store's record schemas compiled by zod (`z.compile`): generated code that checks a valid record and builds its
 * output without the runtime parser's per-field calls. A record that fails goes through the runtime parser, so its
 * issues read the same. Measured on the 50 000 conversations of a large store (one process, warm): 130–200 ms with
 * the runtime parser, 18–72 ms compiled; the open of a store validates every record but the messages, and the
 * background read validates every message it reads whole. Each schema is compiled at its first use (0.2–15 ms).
 */
import { z } from 'zod';
import { Message, recordSchemas, type CollectionName } from '../../../shared/schema';

const compiled = new Map<CollectionName, (typeof recordSchemas)[CollectionName]>();

/** The compiled schema of a collection's records. */
export function recordSchemaOf<C extends CollectionName>(coll: C): (typeof recordSchemas)[C] {
  let s = compiled.get(coll);
  if (!s) compiled.set(coll, (s = z.compile(recordSchemas[coll])));
  return s as (typeof recordSchemas)[C];
}

let message: typeof Message | null = null;
/** The compiled message schema (what the messages collection's records are). */
export const messageSchema = (): typeof Message => (message ??= z.compile(Message));
