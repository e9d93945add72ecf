import { randomBytes } from 'node:crypto';

/** Time-ordered, collision-safe ids: a prefix, the time in base 36, and random bits. */
export function makeIdFactory(now: () => number): (prefix: string) => string {
  let last = '';
  let counter = 0;
  return (prefix: string) => {
    const t = now().toString(36);
    counter = t === last ? counter + 1 : 0;
    last = t;
    return `${prefix}${t}${counter.toString(36)}${randomBytes(3).toString('hex')}`;
  };
}
