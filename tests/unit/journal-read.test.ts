import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sealLine } from '../../electron/core/store/checksum';
import { readJournal } from '../../electron/core/store/journal';

const dir = mkdtempSync(path.join(tmpdir(), 'kefu-journal-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A journal's lines: its header, sealed commits (some with Chinese text), torn and damaged ones, blank lines. */
const lineArb = fc.oneof(
  fc.record({ seq: fc.nat(1000), body: fc.string({ maxLength: 40 }), zh: fc.boolean() }).map(({ seq, body, zh }) => sealLine(JSON.stringify({ seq, changes: [{ op: 'put', coll: 'messages', rec: { id: `m${seq}`, body: zh ? `付款失败${body}` : body } }] }))),
  fc.string({ maxLength: 30 }).map((s) => `{"seq":${s}`), // torn
  fc.constant(''),
  fc.constant(sealLine(JSON.stringify({ seq: 7, changes: [] }))).map((l) => l.replace('"seq":7', '"seq":8')), // checksum mismatch
);

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
});
