import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, readLines, type SpoolLine } from '../../electron/core/services/spool/lineReader';

const dir = mkdtempSync(path.join(tmpdir(), 'kefu-line-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The spool's line rules read plainly (docs/spool-format.md), one line at a time: complete lines only, CR before
 * the newline dropped, a byte-order mark at the start of the file skipped, each line decoded on its own (strict
 * UTF-8, or lossy and flagged; a decoder drops one more mark at the start of each line), over-long lines cut.
 */
function reference(bytes: Buffer, from = 0, line = 0): SpoolLine[] {
  const out: SpoolLine[] = [];
  let start = from;
  for (let nl = bytes.indexOf(0x0a, start); nl >= 0; start = nl + 1, nl = bytes.indexOf(0x0a, start)) {
    let b = bytes.subarray(start, nl > start && bytes[nl - 1] === 0x0d ? nl - 1 : nl);
    line++;
    if (b.length > MAX_LINE_BYTES) {
      out.push({ text: new TextDecoder().decode(b.subarray(0, 16 * 1024)), badUtf8: false, line, end: nl + 1, tooLong: true });
      continue;
    }
    if (start === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    let text: string;
    let badUtf8 = false;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      text = new TextDecoder().decode(b);
      badUtf8 = true;
    }
    out.push({ text, badUtf8, line, end: nl + 1, tooLong: false });
  }
  return out;
}

let n = 0;
function read(bytes: Buffer, chunk?: number, from = 0, line = 0): SpoolLine[] {
  const file = path.join(dir, `f${n++}.jsonl`);
  writeFileSync(file, bytes);
  const fd = openSync(file, 'r');
  try {
    return [...readLines(fd, from, line, bytes.length, chunk)];
  } finally {
    closeSync(fd);
  }
}

/** Pieces lines are made of: JSON-ish text, Chinese, emoji, CR, marks, and bytes that are not UTF-8. */
const piece = fc.oneof(
  fc.constantFrom('{"id":"e-1","type":"customer.message"}', '还有人吗？', '🙂', 'abc', ' ', '\r', '\ufeff').map((s) => Buffer.from(s)),
  fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xe6, 0x88]), Buffer.from([0xc3]), Buffer.from([0xef, 0xbb, 0xbf])),
);
const lineBytes = fc.array(piece, { maxLength: 6 }).map((ps) => Buffer.concat(ps));
const file = fc.tuple(fc.array(lineBytes, { maxLength: 12 }), fc.option(lineBytes)).map(([lines, tail]) =>
  Buffer.concat([...lines.flatMap((l) => [l, Buffer.from('\n')]), ...(tail ? [tail] : [])]),
);

describe('spool line reader', () => {
  it('reads every complete line as the plain rules do, whatever the chunk size splits', () => {
    fc.assert(
      fc.property(file, fc.integer({ min: 1, max: 64 }), (bytes, chunk) => {
        expect(read(bytes, chunk)).toEqual(reference(bytes));
        expect(read(bytes)).toEqual(reference(bytes));
      }),
      { numRuns: 400 },
    );
  });

  it('resumes from a cursor (offset after a line, its number)', () => {
    const bytes = Buffer.from('{"a":1}\r\n\ufeff{"b":2}\n还有人吗？\n{"partial"');
    const all = read(bytes);
    expect(all.map((l) => l.text)).toEqual(['{"a":1}', '{"b":2}', '还有人吗？']);
    expect(read(bytes, 5, all[0].end, all[0].line)).toEqual(reference(bytes, all[0].end, all[0].line));
    expect(read(bytes, undefined, all[0].end, all[0].line)).toEqual(all.slice(1));
  });

  it('cuts a line over the limit and reads the next ones', () => {
    const long = Buffer.alloc(MAX_LINE_BYTES + 10, 0x61);
    const bytes = Buffer.concat([Buffer.from('{"a":1}\n'), long, Buffer.from('\n{"b":2}\n')]);
    const got = read(bytes);
    expect(got.map((l) => [l.line, l.tooLong, l.text.length])).toEqual([
      [1, false, 7],
      [2, true, 16 * 1024],
      [3, false, 7],
    ]);
    expect(got).toEqual(reference(bytes));
  });
});
