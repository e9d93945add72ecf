/**
 * Where each value of a JSON text starts, by path ("" for the root, "/cannedReplies/3/title"), so validation
 * errors can name a line. Strict: on a syntax error it throws a JsonSyntaxError with the offset (Node 20's
 * JSON.parse messages carry no position).
 */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

export function jsonValueOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(i, i >= text.length ? `Unexpected end of file, expected ${what}` : `Unexpected ${JSON.stringify(text[i])}, expected ${what}`);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) fail(`"${ch}"`);
    i++;
  };
  const str = (): string => {
    const start = i;
    expect('"');
    STRING_BODY.lastIndex = i;
    STRING_BODY.exec(text);
    i = STRING_BODY.lastIndex;
    expect('"');
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string) => {
    ws();
    out.set(path, i);
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        const keyAt = i;
        const key = str();
        ws();
        expect(':');
        value(`${path}/${key}`);
        // A field's problem is most useful on the line of its key.
        out.set(`${path}/${key}`, keyAt);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail('"," or "}"');
      }
    } else if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value(`${path}/${n}`);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail('"," or "]"');
      }
    } else if (ch === '"') {
      str();
    } else {
      for (const lit of ['true', 'false', 'null']) if (text.startsWith(lit, i)) return void (i += lit.length);
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail('a value');
      i = NUMBER.lastIndex;
    }
  };
  value('');
  ws();
  if (i < text.length) fail('end of file');
  return out;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  return lineIndex(text)(offset);
}

/** A line lookup for many offsets of one text: line starts once, then a binary search each (a 1000-item file otherwise rescans per item). */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) starts.push(k + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
