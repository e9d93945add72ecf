/**
 * The commit order of records made in the same millisecond. The core's ids are `<prefix><time base 36><counter
 * base 36><6 hex>` (electron/core/ids.ts), one counter per core across every collection, so a message and an audit
 * line of the same instant still say which came first. Null when the id is not of that form for this instant (seed
 * ids, another time): the caller falls back to what must logically come first.
 */
export function orderOf(id: string, at: number): number | null {
  const dash = id.indexOf('-');
  if (dash < 0) return null;
  const t36 = at.toString(36);
  const body = id.slice(dash + 1);
  if (!body.startsWith(t36) || body.length <= t36.length + 6) return null;
  const counter = body.slice(t36.length, body.length - 6);
  if (!/^[0-9a-z]+$/u.test(counter)) return null;
  return parseInt(counter, 36);
}
