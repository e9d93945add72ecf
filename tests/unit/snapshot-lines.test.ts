/**
 * The snapshot reader's line splitter (store/snapshot.ts eachLine): each piece read is decoded once and cut into
 * lines; every line's text and bytes must be exactly the file's, whatever the piece size and wherever a piece ends
 * (inside a Chinese character or an emoji, on a newline, in an unterminated last line), invalid UTF-8 included.
 */
import fc from 'fast-check';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eachLine } from '../../electron/core/store/snapshotLayout';

const dir = mkdtempSync(path.join(tmpdir(), 'kefu-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readBack(bytes: Buffer, chunk: number): { bytes: Buffer[]; texts: string[] } {
  const file = path.join(dir, 'lines');
  writeFileSync(file, bytes);
  const fd = openSync(file, 'r');
  const out = { bytes: [] as Buffer[], texts: [] as string[] };
  try {
    eachLine(fd, (b, t) => {
      out.bytes.push(Buffer.from(b));
      out.texts.push(t);
    }, chunk);
  } finally {
    closeSync(fd);
  }
  return out;
}

/** The file's lines by bytes: split at each newline byte, the last one kept if not empty. */
function expectedLines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, start)) {
    out.push(bytes.subarray(start, i));
    start = i + 1;
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

const piece = fc.oneof(fc.constantFrom('{"id":"c-1","body":"视频上传失败"}', '客服', '😀', 'abc', ',', '\n', '\n\n', ']', '退款🙏ok'), fc.string({ maxLength: 12 }));

describe('snapshot line reader', () => {
  it('gives every line’s exact bytes and text, whatever the piece size', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (pieces, chunk) => {
        const bytes = Buffer.from(pieces.join(''), 'utf8');
        const got = readBack(bytes, chunk);
        const want = expectedLines(bytes);
        expect(got.bytes.map((b) => b.toString('hex'))).toEqual(want.map((b) => b.toString('hex')));
        expect(got.texts).toEqual(want.map((b) => b.toString('utf8')));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps lines apart around invalid UTF-8 (a damaged record stays one line, its bytes as they are)', () => {
    const bytes = Buffer.concat([Buffer.from('{"a":1}\n'), Buffer.from([0xe8, 0xa7, 0x0a]), Buffer.from('{"b":"客"}\n'), Buffer.from([0xff, 0x41])]);
    for (const chunk of [1, 2, 3, 5, 64]) {
      const got = readBack(bytes, chunk);
      expect(got.bytes.map((b) => b.toString('hex'))).toEqual(['7b2261223a317d', 'e8a7', Buffer.from('{"b":"客"}').toString('hex'), 'ff41']);
      expect(got.texts[0]).toBe('{"a":1}');
      expect(got.texts[2]).toBe('{"b":"客"}');
    }
  });

  it('reads a range of lines, and jumps where a visitor asks (the open jumping over the messages), whatever the piece size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('{"id":"m-1","body":"视频上传失败"}', '客服', 'abc', ']', '退款🙏ok', ''), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 64 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (lines, chunk, a, b, c) => {
          const bytes = Buffer.from(lines.map((l) => l + '\n').join(''), 'utf8');
          const starts: number[] = [];
          for (let i = 0, off = 0; i < lines.length; off += Buffer.byteLength(lines[i]) + 1, i++) starts.push(off);
          const ends = lines.map((l, i) => starts[i] + Buffer.byteLength(l) + 1);
          // A range from line `from` to the end of line `last`; at line `jumpAt` of it, a jump to line `jumpTo`.
          const from = a % lines.length;
          const last = from + (b % (lines.length - from));
          const jumpAt = from + (c % (last - from + 1));
          const jumpTo = Math.min(last + 1, jumpAt + 1 + (c % 3));
          const file = path.join(dir, 'range');
          writeFileSync(file, bytes);
          const fd = openSync(file, 'r');
          const got: [number, string][] = [];
          try {
            eachLine(
              fd,
              (_b, t, offset) => {
                got.push([offset, t]);
                if (offset === starts[jumpAt]) return { skipTo: jumpTo <= last ? starts[jumpTo] : ends[last] };
              },
              chunk,
              undefined,
              { from: starts[from], to: ends[last] },
            );
          } finally {
            closeSync(fd);
          }
          const want: [number, string][] = [];
          for (let i = from; i <= last; i = i === jumpAt ? jumpTo : i + 1) want.push([starts[i], lines[i]]);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  });
});
