import { describe, expect, it } from 'vitest';
import { translator } from './translator';
import type { z } from 'zod';
import { createDispatcher } from '../../electron/core/dispatcher';
import type { Handlers } from '../../electron/core/context';
import { causeMessage, errorMessage, fieldName, type Translate } from '../../renderer/src/app/errorMessage';
import { CALL_NAMES, contract, CoreError, ERROR_CODES, ErrorKind, fail, zodIssues, type ContractError } from '../../shared/contract';
import type { Agent } from '../../shared/schema';

const en = translator<Translate>('en');
const zh = translator<Translate>('zh-CN');
const say = (e: ContractError, lng: 'en' | 'zh-CN') => errorMessage(e, lng === 'en' ? en : zh, lng);

/** What the dispatcher returns for input that fails the contract (the same calls, not a copy of them). */
function refused(name: keyof typeof contract, input: unknown): ContractError {
  const parsed = contract[name].input.safeParse(input);
  if (parsed.success) throw new Error(`${name} accepted ${JSON.stringify(input)}`);
  const r = fail('validation', `Invalid input for ${name}`, zodIssues(parsed.error, 'input'));
  return r.error;
}

describe('error messages in the user’s language', () => {
  it('says which field is wrong and how, from the zod issue, in both languages', () => {
    const tooLong = refused('conversation.reply', { id: 'c-1', body: 'x'.repeat(20_001) });
    expect(tooLong.causes).toEqual([{ path: ['body'], code: 'too_big', origin: 'string', maximum: 20_000, inclusive: true }]);
    expect(say(tooLong, 'zh-CN')).toBe('回复最长 20,000 字。');
    expect(say(tooLong, 'en')).toBe('The reply can be at most 20,000 characters.');

    const blank = refused('conversation.reply', { id: 'c-1', body: '   ' });
    expect(say(blank, 'zh-CN')).toBe('回复不能为空。');
    expect(say(blank, 'en')).toBe('The reply cannot be empty.');

    const tag = refused('conversation.setTags', { id: 'c-1', tags: ['ok', 'x'.repeat(61)] });
    expect(say(tag, 'zh-CN')).toBe('每个标签最长 60 字。');
    expect(say(tag, 'en')).toBe('Each tag can be at most 60 characters.');

    const many = refused('conversation.setTags', { id: 'c-1', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) });
    expect(say(many, 'en')).toBe('The tags can have at most 50 items.');

    // A refinement that names its cause (shared/schema/credential.ts: `secret_too_short`).
    const secret = refused('profiles.resetSecret', { id: 'a-lina', secret: '12345' });
    expect(secret.causes).toEqual([{ path: ['secret'], code: 'secret_too_short' }]);
    expect(say(secret, 'zh-CN')).toBe('密码至少 6 位数字，或至少 8 个字符的密码。');

    const hours = refused('settings.update', { slaHours: { normal: 24, vip: 0 }, complaintWorkingDays: 7.5, atRiskMinutes: 120 });
    expect(say(hours, 'zh-CN')).toBe('VIP 客户回复时限必须大于 0。 投诉处理时限必须是整数。');
    expect(say(hours, 'en')).toBe('The VIP response target must be more than 0. The complaint deadline must be a whole number.');
  });

  it('phrases a domain reason from its code, translating statuses in its params', () => {
    const e = fail('conflict', 'Cannot change conversation c-1 from closed to open', undefined, { code: 'transition', params: { from: 'closed', to: 'open' } }).error;
    expect(e).toEqual({ kind: 'conflict', message: 'Cannot change conversation c-1 from closed to open', code: 'transition', params: { from: 'closed', to: 'open' } });
    expect(say(e, 'zh-CN')).toBe('会话不能从“已关闭”改为“处理中”。');
    expect(say(e, 'en')).toBe('A conversation cannot go from “Closed” to “Open”.');
    const views = fail('conflict', 'At most 30 saved views', undefined, { code: 'too_many_views', params: { max: 30 } }).error;
    expect(say(views, 'en')).toBe('You can keep at most 30 saved views.');
    // A parameter named …Ms is a wait, said in seconds or minutes.
    const wait = (ms: number) => fail('rate_limited', 'Too many wrong secrets for a-lina; wait', undefined, { code: 'wait', params: { retryAfterMs: ms } }).error;
    expect(say(wait(44_200), 'en')).toBe('Too many wrong secrets: try again in 45 seconds.');
    expect(say(wait(44_200), 'zh-CN')).toBe('密码错误次数过多，请在 45 秒后再试。');
    expect(say(wait(300_000), 'en')).toBe('Too many wrong secrets: try again in 5 minutes.');
    expect(say(wait(1), 'en')).toBe('Too many wrong secrets: try again in 1 second.');
  });

  it('carries a CoreError’s code and causes through the dispatcher, and names the field of "path: ..." issue lines', async () => {
    const lead = { id: 'a-lead', role: 'lead' } as Agent;
    const handlers = {
      'conversation.setStatus': () => {
        throw new CoreError('conflict', 'Conversation c-1 is closed', undefined, { code: 'closed' });
      },
      'settings.update': () => {
        throw new CoreError('validation', 'slaHours.vip: a VIP target cannot be longer than the normal one', ['slaHours.vip: a VIP target cannot be longer than the normal one']);
      },
    } as unknown as Handlers;
    // The session resolver's answer: who is calling (an unlocked lead session).
    const resolve = (sessionId: string | null) => ({ sessionId: sessionId ?? 's', agent: lead, actor: { sessionId: sessionId ?? 's', agent: lead }, locked: false });
    const call = createDispatcher(handlers, resolve as never, () => {});

    const closed = await call('conversation.setStatus', { id: 'c-1', status: 'open' }, 's');
    expect(closed).toEqual({ ok: false, error: { kind: 'conflict', message: 'Conversation c-1 is closed', code: 'closed' } });
    if (closed.ok) throw new Error('unreachable');
    expect(say(closed.error, 'zh-CN')).toBe('该会话已关闭，不能再修改。');

    const settings = await call('settings.update', { slaHours: { normal: 24, vip: 30 }, complaintWorkingDays: 7, atRiskMinutes: 120 }, 's');
    if (settings.ok) throw new Error('accepted');
    expect(settings.error.issues).toEqual(['slaHours.vip: a VIP target cannot be longer than the normal one']);
    expect(settings.error.causes).toEqual([{ path: ['slaHours', 'vip'], code: 'custom' }]);
    expect(say(settings.error, 'zh-CN')).toBe('VIP 客户回复时限无效。');

    // The dispatcher's own validation carries causes, and the answer survives the transports (JSON, structured clone).
    const tooLong = await call('conversation.reply', { id: 'c-1', body: 'x'.repeat(20_001) }, 's');
    if (tooLong.ok) throw new Error('accepted');
    expect(tooLong.error.issues).toEqual(['input.body: Too big: expected string to have <=20000 characters']);
    expect(JSON.parse(JSON.stringify(tooLong))).toEqual(tooLong);
    expect(structuredClone(tooLong)).toEqual(tooLong);
    expect(say(structuredClone(tooLong.error), 'en')).toBe('The reply can be at most 20,000 characters.');
  });

  it('falls back to the kind’s sentence, and never shows the core’s English detail', () => {
    const plain = fail('not_found', 'No conversation c-nope').error;
    expect(say(plain, 'zh-CN')).toBe('该项已不存在。');
    const unplaced = { kind: 'validation', message: 'Invalid input for sim.customerMessage', causes: [{ path: [], code: 'custom' }] } as ContractError;
    expect(say(unplaced, 'en')).toBe('That input is not valid.');
    const unknownField = { kind: 'validation', message: 'x', causes: [{ path: ['nope'], code: 'too_big', origin: 'string', maximum: 3 }] } as ContractError;
    expect(say(unknownField, 'zh-CN')).toBe('输入无效。');
    const unknownCode = { kind: 'conflict', message: 'Secret English detail', code: 'no_such_code' } as unknown as ContractError;
    expect(say(unknownCode, 'en')).toBe('That is not possible in the current state.');
    const internal = fail('internal', 'conversation.reply failed: TypeError: x is undefined').error;
    for (const lng of ['en', 'zh-CN'] as const) expect(say(internal, lng)).not.toContain('TypeError');
    expect(say(internal, 'en')).toBe('Something went wrong in Kefu Desk.');
  });

  it('has a sentence for every error code and a name for every field of every contract input, in both languages', () => {
    for (const t of [en, zh]) {
      for (const kind of ErrorKind.options) expect(t(`errors.${kind}`, { defaultValue: '' }), kind).not.toBe('');
      for (const code of ERROR_CODES) expect(t(`errors.code.${code}`, { defaultValue: '' }), code).not.toBe('');
      // A new input field needs a name in errors.fields (both app.json files) for its errors to say which field.
      const unnamed = CALL_NAMES.flatMap((name) => fieldPaths(contract[name].input).filter((p) => fieldName(p, t) === null).map((p) => `${name}: ${p.join('.')}`));
      expect(unnamed).toEqual([]);
      // Every cause sentence a zod check can lead to exists.
      for (const origin of ['string', 'array', 'number', 'date']) {
        for (const code of ['too_big', 'too_small']) {
          for (const inclusive of [true, false]) expect(causeMessage({ path: ['body'], code, origin, minimum: 2, maximum: 2, inclusive }, t), `${code} ${origin}`).not.toBeNull();
        }
      }
      for (const code of ['invalid_type', 'invalid_value', 'invalid_format', 'unrecognized_keys', 'custom', 'invalid_union']) {
        expect(causeMessage({ path: ['body'], code }, t), code).not.toBeNull();
      }
    }
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const defOf = (s: z.ZodType): any => (s as unknown as { _zod: { def: unknown } })._zod.def;

/** Every field path of an input schema (array elements marked with index 0). */
function fieldPaths(schema: z.ZodType, path: (string | number)[] = []): (string | number)[][] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, s]) => [[...path, k], ...fieldPaths(s, [...path, k])]);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return fieldPaths(def.innerType, path);
    case 'pipe':
      return fieldPaths(def.in, path);
    case 'array':
      return fieldPaths(def.element, [...path, 0]);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => fieldPaths(o, path));
    default:
      return [];
  }
}
