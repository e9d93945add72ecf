import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonValueOffsets } from '../../shared/rules/jsonPositions';
import { parseCannedFile, serializeCannedFile } from '../../shared/rules/cannedExchange';

describe('the canned-reply file', () => {
  it('accepts exactly what JSON.parse accepts (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        let parsed = true;
        try {
          JSON.parse(text);
        } catch {
          parsed = false;
        }
        let scanned = true;
        try {
          jsonValueOffsets(text);
        } catch {
          scanned = false;
        }
        expect(scanned).toBe(parsed);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips an export and reports each item on its own line', () => {
    const text = serializeCannedFile(
      [
        { title: '问候', body: '您好{{customer.name}}', category: null, locale: 'zh-CN', shortcut: 'nihao', scope: 'everyone' },
        { title: 'Refund', body: 'On its way', category: 'payment', locale: 'en', shortcut: 'refund', scope: 'team' },
      ],
      Date.parse('2026-11-24T01:00:00Z'),
    );
    const r = parseCannedFile(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.items.map((i) => i.shortcut)).toEqual(['nihao', 'refund']);
      const itemStarts = text.split('\n').flatMap((l, n) => (l === '    {' ? [n + 1] : []));
      expect(r.lines).toEqual(itemStarts);
      expect(itemStarts).toHaveLength(2);
    }
  });

  it('names the line of a syntax error and of a missing list', () => {
    expect(parseCannedFile('[\n  { "title": "a",\n    "body": }\n]')).toMatchObject({ ok: false, problems: [{ line: 3, item: null, code: 'not_json' }] });
    expect(parseCannedFile('{ "cannedReplies": 3 }')).toMatchObject({ ok: false, problems: [{ line: 1, code: 'not_a_list' }] });
  });
});
