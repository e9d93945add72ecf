import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPlaceholders, formatDue, renderCanned } from '../../shared/rules/cannedVariables';
import { firstNameOf } from '../../shared/rules/firstName';

const DUE = Date.parse('2026-11-25T18:00:00+08:00');
const ctx = (name: string | null, locale: 'zh-CN' | 'en' = 'zh-CN', dueAt: number | null = DUE) => ({
  customer: { name },
  agent: { name: '林娜' },
  conversation: { id: 'c-00042', dueAt },
  locale,
});

describe('first names', () => {
  it('takes the given name after a one-character surname', () => {
    expect(firstNameOf('王小明')).toBe('小明');
    expect(firstNameOf('张三丰')).toBe('三丰');
  });
  it('knows compound surnames', () => {
    expect(firstNameOf('欧阳娜娜')).toBe('娜娜');
    expect(firstNameOf('诸葛孔明')).toBe('孔明');
    expect(firstNameOf('司马相如')).toBe('相如');
  });
  it('keeps a name whole when the given name would be a single character', () => {
    expect(firstNameOf('李娜')).toBe('李娜');
    expect(firstNameOf('欧阳娜')).toBe('欧阳娜');
  });
  it('handles spaced Chinese names and transliterations with a middle dot', () => {
    expect(firstNameOf(' 王 小明 ')).toBe('小明');
    expect(firstNameOf('约翰·史密斯')).toBe('约翰');
  });
  it('takes the first word of a Latin-script name', () => {
    expect(firstNameOf('Emily Carter')).toBe('Emily');
    expect(firstNameOf('  Sofia   Wang ')).toBe('Sofia');
    expect(firstNameOf('Madonna')).toBe('Madonna');
    expect(firstNameOf('')).toBe('');
  });
});

describe('rendering canned variables', () => {
  it('fills every known variable for a Chinese customer', () => {
    const r = renderCanned('{{customer.first_name}}，我是{{agent.name}}，会话号 {{conversation.id}}，{{customer.name}}', ctx('王小明'));
    expect(r).toEqual({ text: '小明，我是林娜，会话号 c-00042，王小明', problems: [] });
  });

  it('fills an English greeting and formats the due time for the language', () => {
    const en = renderCanned('Hi {{customer.first_name}}, before {{ conversation.due }}.', ctx('Emily Carter', 'en'));
    expect(en.problems).toEqual([]);
    expect(en.text).toBe(`Hi Emily, before ${formatDue(DUE, 'en')}.`);
    expect(en.text).toMatch(/Nov 25.*6:00\s?PM/u);
    const zh = renderCanned('{{conversation.due}}前', ctx('王小明'));
    expect(zh.text).toMatch(/11月25日.*18:00前/u);
  });

  it('leaves unknown and empty variables in place and reports where they are', () => {
    const r = renderCanned('您好{{customer.name}}，订单{{order.id}}，截止{{conversation.due}}', ctx('', 'zh-CN', null));
    expect(r.problems.map((p) => [p.name, p.kind])).toEqual([
      ['customer.name', 'empty'],
      ['order.id', 'unknown'],
      ['conversation.due', 'empty'],
    ]);
    for (const p of r.problems) expect(r.text.slice(p.start, p.end)).toBe(`{{${p.name}}}`);
    // The reply box checks the draft again before sending: the same placeholders are found there.
    expect(findPlaceholders(r.text).map((p) => p.name)).toEqual(['customer.name', 'order.id', 'conversation.due']);
  });

  it('treats a missing customer as empty, not as the literal "undefined"', () => {
    const r = renderCanned('Hi {{customer.first_name}}', { locale: 'en' });
    expect(r.text).toBe('Hi {{customer.first_name}}');
    expect(r.problems).toHaveLength(1);
  });

  it('never leaves braces behind when every variable has a value (property)', () => {
    const piece = fc.oneof(fc.constantFrom('{{customer.name}}', '{{customer.first_name}}', '{{agent.name}}', '{{conversation.id}}', '{{conversation.due}}'), fc.string().filter((s) => !s.includes('{') && !s.includes('}')));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom('王小明', '欧阳娜娜', 'Emily Carter'), (parts, name) => {
        const r = renderCanned(parts.join(''), ctx(name));
        expect(r.problems).toEqual([]);
        expect(r.text).not.toMatch(/[{}]/u);
      }),
    );
  });
});
