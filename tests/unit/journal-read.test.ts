import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLine, sealLine } from '../../electron/core/store/checksum';
import { JournalStream, readJournal, type JournalRead } from '../../electron/core/store/journalRead';
import { SCHEMA_VERSION } from '../../shared/schema';

const dir = mkdtempSync(path.join(tmpdir(), 'kefu-journal-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A journal's lines: its header, sealed commits (some with Chinese text), torn and damaged ones, blank lines. */
const lineArb = fc.oneof(
  fc.record({ seq: fc.nat(1000), body: fc.string({ maxLength: 40 }), zh: fc.boolean() }).map(({ seq, body, zh }) => sealLine(JSON.stringify({ seq, changes: [{ op: 'put', coll: 'messages', rec: { id: `m${seq}`, body: zh ? `付款失败${body}` : body } }] }))),
  fc.string({ maxLength: 30 }).map((s) => `{"seq":${s}`), // torn
  fc.constant(''),
  fc.constant(sealLine(JSON.stringify({ seq: 7, changes: [] }))).map((l) => l.replace('"seq":7', '"seq":8')), // checksum mismatch
);
/** Lines an earlier version wrote (no checksums), and lines of no known kind. */
const unsealedArb = fc.oneof(
  fc.nat(1000).map((seq) => JSON.stringify({ seq, changes: [{ op: 'del', coll: 'messages', id: `m${seq}` }] })),
  fc.constant(JSON.stringify({ hello: 'world' })),
  fc.constant(JSON.stringify({ journal: 1, version: 4, gen: 2 })),
);

/**
 * The rules as the reader had them before it streamed (the whole file in memory, two passes): the model the
 * streaming reader must agree with. In a file where any line carries a checksum, a line without one is damaged.
 */
function twoPassModel(file: string): JournalRead {
  const text = readFileSync(file);
  const lines: { line: number; offset: number; bytes: Buffer }[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let nl = text.indexOf(0x0a, start);
    if (nl < 0) nl = text.length;
    line++;
    lines.push({ line, offset: start, bytes: text.subarray(start, nl) });
    start = nl + 1;
  }
  const sealed = lines.some((l) => l.bytes.length > 0 && checkLine(l.bytes) !== 'missing');
  const out: JournalRead = { version: SCHEMA_VERSION, entries: [], torn: [] };
  for (const { line, offset, bytes } of lines) {
    if (bytes.length === 0) continue;
    const sum = checkLine(bytes);
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      out.torn.push({ line, offset, bytes: Buffer.from(bytes), error: (e as Error).message });
      continue;
    }
    if (sum === 'mismatch' || (sealed && sum === 'missing')) {
      out.torn.push({ line, offset, bytes: Buffer.from(bytes), error: sum === 'mismatch' ? 'checksum mismatch: the bytes changed after they were written' : 'checksum missing' });
    } else if (obj && typeof obj === 'object' && obj.journal === 1 && Number.isInteger(obj.version)) out.version = obj.version as number;
    else if (obj && typeof obj === 'object' && Number.isInteger(obj.seq) && Array.isArray(obj.changes)) out.entries.push({ seq: obj.seq as number, changes: obj.changes as unknown[], line });
    else out.torn.push({ line, offset, bytes: Buffer.from(bytes), error: 'not a journal line' });
  }
  return out;
}

describe('reading a journal in pieces', () => {
  it('gives exactly what reading it in one piece gives, wherever the pieces split lines and characters (property)', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 20 }), fc.boolean(), fc.integer({ min: 1, max: 300 }), (lines, endsWithNewline, chunk) => {
        const file = path.join(dir, `journal-${n++}.ndjson`);
        const header = sealLine(JSON.stringify({ journal: 1, version: 5, gen: 1 }));
        writeFileSync(file, [header, ...lines].join('\n') + (endsWithNewline ? '\n' : ''));
        const whole = readJournal(file, 1 << 16); // bigger than any file here: one piece
        const pieces = readJournal(file, chunk);
        expect(pieces).toEqual(whole);
        expect(whole.entries.length + whole.torn.length).toBeGreaterThanOrEqual(lines.filter((l) => l !== '').length);
      }),
      { numRuns: 300 },
    );
  });

  it('streams commit by commit to what the whole file read in two passes gives, sealed, legacy or mixed (property)', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.oneof(lineArb, unsealedArb), { maxLength: 20 }), fc.integer({ min: 1, max: 300 }), (sealedHeader, lines, chunk) => {
        const file = path.join(dir, `mixed-${n++}.ndjson`);
        const header = JSON.stringify({ journal: 1, version: 5, gen: 1 });
        writeFileSync(file, `${[sealedHeader ? sealLine(header) : header, ...lines].join('\n')}\n`);
        expect(readJournal(file, chunk)).toEqual(twoPassModel(file));
        // As a stream: commits in file order, each as soon as it is known good (no later line can undo it).
        const stream = new JournalStream(file, chunk);
        const seqs = [...stream.items()].filter((i) => i.entry).map((i) => i.entry!.line);
        expect(seqs).toEqual(twoPassModel(file).entries.map((e) => e.line));
      }),
      { numRuns: 400 },
    );
  });
});
