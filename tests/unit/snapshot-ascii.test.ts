/**
 * A snapshot's records outside the messages are written as ASCII JSON (asciiJson.ts: the open decodes them faster);
 * the values read back are the same, emoji included. A snapshot an earlier version wrote in UTF-8 still opens, and
 * the next compaction rewrites its lines as ASCII with checksums that hold.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asciiJson } from '../../electron/core/store/asciiJson';
import { crc32 } from '../../electron/core/store/checksum';
import type { Change, Store } from '../../electron/core/store/types';
import type { Customer } from '../../shared/schema';
import { storeSandbox } from './storeSandbox';
import { testConversation } from './teamRecords';

const { tempDir, open, closeStore } = storeSandbox('kefu-store-ascii-');

const customer = (id: string, name: string): Customer => ({ id, name, tier: 'vip', locale: 'zh-CN', createdAt: 1_795_000_000_000 });
const message = { id: 'm-1', conversationId: 'c-1', author: 'customer' as const, authorId: 'u-c-1', body: '视频上传失败了 😭 help', at: 1_795_000_000_001, internal: false };
const records: Change[] = [
  { op: 'put', coll: 'customers', rec: customer('u-c-1', '王小明 🎬') },
  { op: 'put', coll: 'conversations', rec: testConversation('c-1', { subject: '付款失败，钱扣了 “两次”' }) },
  { op: 'put', coll: 'messages', rec: message },
];

const snapshotFile = (dir: string) => {
  const gens = readdirSync(dir)
    .map((f) => /^snapshot-(\d+)\.json$/.exec(f)?.[1])
    .filter((g): g is string => g !== undefined)
    .map(Number);
  return path.join(dir, `snapshot-${Math.max(...gens)}.json`);
};

/** Each record line of the snapshot, by collection. */
function recordLines(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let coll: string | null = null;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const open = /^,?"(\w+)":\[$/.exec(line);
    if (open) out.set((coll = open[1]), []);
    else if (line === ']') coll = null;
    else if (coll) out.get(coll)!.push(line.replace(/,$/, ''));
  }
  return out;
}

const isAscii = (s: string) => [...Buffer.from(s, 'utf8')].every((b) => b < 0x80);

async function compacted(dir: string, changes: Change[]): Promise<void> {
  const s = await open(dir);
  s.commit(changes);
  await s.compact();
  await closeStore(s);
}

const values = (s: Store) => ({
  customer: s.get('customers', 'u-c-1'),
  conversation: s.get('conversations', 'c-1'),
  message: s.get('messages', 'm-1'),
});

describe('snapshot lines in ASCII', () => {
  it('asciiJson: any JSON text reads back to the same value, and is all ASCII', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (v, s) => {
        for (const json of [JSON.stringify(v), JSON.stringify({ s })]) {
          const out = asciiJson(json);
          expect(isAscii(out)).toBe(true);
          expect(JSON.parse(out)).toEqual(JSON.parse(json));
        }
      }),
    );
    expect(asciiJson('{"a":"ok"}')).toBe('{"a":"ok"}');
  });

  it('customers and conversations are written in ASCII, messages in UTF-8; all read back the same', async () => {
    const dir = tempDir();
    await compacted(dir, records);
    const lines = recordLines(snapshotFile(dir));
    expect(lines.get('customers')).toHaveLength(1);
    expect(lines.get('conversations')).toHaveLength(1);
    for (const [coll, recs] of lines) if (coll !== 'messages') for (const l of recs) expect(isAscii(l), `${coll}: ${l}`).toBe(true);
    expect(lines.get('customers')![0]).toContain('\\u738b\\u5c0f\\u660e \\ud83c\\udfac');
    expect(lines.get('messages')![0]).toContain('视频上传失败了 😭 help');

    const s = await open(dir);
    expect(s.newProblems).toEqual([]);
    expect(values(s)).toEqual({
      customer: customer('u-c-1', '王小明 🎬'),
      conversation: expect.objectContaining({ subject: '付款失败，钱扣了 “两次”' }),
      message: expect.objectContaining({ body: message.body }),
    });
  });

  it('a snapshot an earlier version wrote in UTF-8 opens as it is; the next compaction writes its lines in ASCII', async () => {
    const dir = tempDir();
    await compacted(dir, records);
    const file = snapshotFile(dir);
    // The same snapshot as an earlier version wrote it: each record line as JSON.stringify gives it, with its CRC.
    const sums = new Map<string, string>();
    let coll: string | null = null;
    const utf8 = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => {
        const open = /^,?"(\w+)":\[$/.exec(line);
        if (open) {
          sums.set((coll = open[1]), '');
          return line;
        }
        if (line === ']') coll = null;
        if (!coll || line === ']') return line;
        const comma = line.endsWith(',');
        const json = JSON.stringify(JSON.parse(comma ? line.slice(0, -1) : line));
        sums.set(coll, sums.get(coll)! + crc32(json).toString(16).padStart(8, '0'));
        return json + (comma ? ',' : '');
      })
      .join('\n')
      .replace(/"records":\{[^}]*\}/, `"records":${JSON.stringify(Object.fromEntries(sums))}`);
    expect(utf8).toContain('王小明 🎬');
    writeFileSync(file, utf8);
    rmSync(file.replace('.json', '.index.json'), { force: true });

    const s = await open(dir);
    expect(s.newProblems).toEqual([]);
    expect(values(s).customer?.name).toBe('王小明 🎬');
    // One more record, then a compaction: the copied lines are escaped, their checksums taken again.
    s.commit([{ op: 'put', coll: 'customers', rec: customer('u-2', '李娜') }]);
    await s.compact();
    await closeStore(s);
    for (const [c, recs] of recordLines(snapshotFile(dir))) if (c !== 'messages') for (const l of recs) expect(isAscii(l), `${c}: ${l}`).toBe(true);

    const again = await open(dir);
    expect(again.newProblems).toEqual([]);
    expect(values(again).customer?.name).toBe('王小明 🎬');
    expect(again.get('customers', 'u-2')?.name).toBe('李娜');
    expect(values(again).message?.body).toBe(message.body);
  });
});
