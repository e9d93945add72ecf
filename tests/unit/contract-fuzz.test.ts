import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createCore, type Core } from '../../electron/core';
import { manualClock } from '../../electron/core/clock';
import type { Log } from '../../electron/core/log';
import type { Change } from '../../electron/core/store/types';
import { CALL_NAMES, contract, type CallName, type Result } from '../../shared/contract';
import { CannedFileItem } from '../../shared/rules/cannedExchange';
import { COLLECTIONS, DEMO_PINS, type CollectionName, type Role } from '../../shared/schema';
import { SANDBOX_NOW } from './coreSandbox';

/**
 * "Valid input never produces `internal`." For every contract entry, inputs that pass its zod input schema
 * (generated from the schema itself, biased toward existing ids and edge values) are sent as a lead, an agent
 * and a trainee. Every answer must be `ok` or a typed error other than `internal`, and a refused call must leave
 * the store as it was. Deterministic: fixed seeds, a fixed number of inputs per entry, one core seeded once.
 */

const RUNS = Number(process.env.FUZZ_RUNS) || 30;
const SEED = Number(process.env.FUZZ_SEED) || 0x8f00d;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** The latest instant a JS Date can hold; one past it is an Invalid Date. */
const MAX_DATE = 8.64e15;
/** Longest string we build for an "exactly at the maximum" edge. */
const MAX_EDGE_LENGTH = 20_000;

// ---------------------------------------------------------------------------------------------------------------
// zod 4 schema → fast-check arbitrary
// ---------------------------------------------------------------------------------------------------------------

/** What the generator knows about the live store when it builds arbitraries for one entry. */
interface GenContext {
  call: CallName;
  /** Existing ids worth trying for a field (by call and key), [] when it is not an id. */
  idsFor(key: string): string[];
  now: number;
  /** Extra candidates for one field of one call (e.g. a real export for canned.import's text). */
  extra(key: string): fc.Arbitrary<unknown> | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDef = any;
const defOf = (s: z.ZodType): AnyDef => (s as unknown as { _zod: { def: AnyDef } })._zod.def;
const checksOf = (s: z.ZodType): AnyDef[] => (defOf(s).checks ?? []).map((c: AnyDef) => c._zod.def);

const EDGE_STRINGS = [
  '',
  ' ',
  '   ',
  '\t\n',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'prototype',
  'x'.repeat(128),
  'x'.repeat(129),
  '字'.repeat(128),
  ' padded ',
  '\u0000',
  'a\u200bb',
  '\u202eevil',
  '你好，我的视频上传失败了',
  '😀👍🏽',
  '\ud800',
  '{{customer.first_name}}',
  '{{nope}}',
  '{{',
  '}}',
  '<b>bold</b>',
  'null',
  'undefined',
  '-1',
  '0',
  'NaN',
  '1e309',
  '%s%d',
  '\\',
  '"',
  '[]',
  '{}',
  '.*',
  '(',
  'c-00001',
];

function lengthEdges(min: number, max: number | undefined): string[] {
  const out: string[] = [];
  const cap = (n: number) => Math.min(n, MAX_EDGE_LENGTH);
  if (min > 0) out.push('a'.repeat(min), '字'.repeat(min), ' '.repeat(min));
  if (max !== undefined) {
    out.push('a'.repeat(cap(max)), '字'.repeat(cap(max)), ' ' + 'a'.repeat(Math.max(0, cap(max) - 2)) + ' ', '😀'.repeat(Math.floor(cap(max) / 2)));
    if (max > 0) out.push('a'.repeat(cap(max - 1)));
  }
  return out;
}

function stringArb(schema: z.ZodType, ctx: GenContext, key: string): fc.Arbitrary<string> {
  let min = 0;
  let max: number | undefined;
  let pattern: RegExp | undefined;
  for (const c of checksOf(schema)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum);
    else if (c.check === 'max_length') max = Math.min(max ?? Infinity, c.maximum);
    else if (c.check === 'length_equals') min = max = c.length;
    else if (c.check === 'string_format' && c.format === 'regex') pattern = c.pattern;
  }
  const randomMax = Math.min(max ?? 64, 64);
  const candidates: { arbitrary: fc.Arbitrary<string>; weight: number }[] = [
    { arbitrary: fc.constantFrom(...EDGE_STRINGS, ...lengthEdges(min, max)), weight: 3 },
    { arbitrary: fc.string({ minLength: Math.min(min, randomMax), maxLength: randomMax }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: Math.min(min, randomMax), maxLength: randomMax }), weight: 1 },
  ];
  if (pattern) candidates.push({ arbitrary: fc.stringMatching(pattern).filter((s) => s.length <= (max ?? Infinity)), weight: 2 });
  const ids = ctx.idsFor(key);
  if (ids.length > 0) {
    candidates.push({ arbitrary: fc.constantFrom(...ids), weight: 12 });
    // Near misses of real ids: padded (trims to nothing here: ids are not trimmed), other case, a suffix.
    candidates.push({ arbitrary: fc.constantFrom(...ids).chain((id) => fc.constantFrom(` ${id}`, id.toUpperCase(), `${id}x`, id.slice(0, -1))), weight: 2 });
  }
  const extra = ctx.extra(key);
  if (extra) candidates.push({ arbitrary: extra as fc.Arbitrary<string>, weight: 6 });
  return fc.oneof(...candidates).filter((s) => schema.safeParse(s).success);
}

function numberArb(schema: z.ZodType, ctx: GenContext): fc.Arbitrary<number> {
  let lo = -Number.MAX_VALUE;
  let hi = Number.MAX_VALUE;
  let loIncl = true;
  let hiIncl = true;
  let int = false;
  for (const c of checksOf(schema)) {
    if (c.check === 'number_format') int = ['safeint', 'int32', 'uint32'].includes(c.format);
    else if (c.check === 'greater_than' && c.value >= lo) [lo, loIncl] = [c.value, c.inclusive];
    else if (c.check === 'less_than' && c.value <= hi) [hi, hiIncl] = [c.value, c.inclusive];
  }
  const now = ctx.now;
  const common = [0, 1, -1, 2, now, now - 1, now + 1, now + HOUR, now - HOUR, now + 400 * DAY, now + 30 * 366 * DAY, MAX_DATE, MAX_DATE + 1, 2 ** 31 - 1, 2 ** 31, Number.MAX_SAFE_INTEGER];
  if (int) {
    const min = Math.max(Number.MIN_SAFE_INTEGER, Math.ceil(loIncl ? lo : lo + 1));
    const max = Math.min(Number.MAX_SAFE_INTEGER, Math.floor(hiIncl ? hi : hi - 1));
    const edges = [min, max, min + 1, max - 1, ...common].filter((n) => n >= min && n <= max);
    return fc
      .oneof({ arbitrary: fc.constantFrom(...edges), weight: 3 }, { arbitrary: fc.integer({ min, max }), weight: 2 }, { arbitrary: fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1000) }), weight: 1 })
      .filter((n) => schema.safeParse(n).success);
  }
  const min = Math.max(lo, -1e15);
  const max = Math.min(hi, 1e15);
  const edges = [min, max, max - 1e-9, max - 0.5, min + 1e-9, 11.1111111, 0.1, 1 / 3, 1e-9, Number.MIN_VALUE, 1e-300, 0.5, 12.5, 23.999999, 2.675, ...common].filter(
    (n) => n >= min && n <= max,
  );
  return fc
    .oneof(
      { arbitrary: fc.constantFrom(...edges), weight: 3 },
      { arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: !loIncl, maxExcluded: !hiIncl }), weight: 2 },
      { arbitrary: fc.integer({ min: Math.ceil(Math.max(min, -1000)), max: Math.floor(Math.min(max, 1000)) }), weight: 1 },
    )
    .filter((n) => schema.safeParse(n).success);
}

/** An arbitrary of values that pass `schema` (filtered by it at the leaves; the caller filters the whole input). */
function arbitraryFor(schema: z.ZodType, ctx: GenContext, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArb(schema, ctx, key);
    case 'number':
      return numberArb(schema, ctx);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'any':
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(arbitraryFor(def.innerType, ctx, key), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType, ctx, key), { nil: null, freq: 3 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return arbitraryFor(def.innerType, ctx, key);
    case 'pipe':
      return arbitraryFor(def.in, ctx, key);
    case 'lazy':
      return arbitraryFor(def.getter(), ctx, key);
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => arbitraryFor(o, ctx, key)));
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map((o, i) => arbitraryFor(o, ctx, `${key}[${i}]`)));
    case 'record':
      return fc
        .array(fc.tuple(arbitraryFor(def.keyType, ctx, '') as fc.Arbitrary<string>, arbitraryFor(def.valueType, ctx, key)), { maxLength: 5 })
        .map((pairs) => Object.fromEntries(pairs));
    case 'array': {
      const element = arbitraryFor(def.element, ctx, key);
      let min = 0;
      let max = 8;
      let declaredMax: number | undefined;
      for (const c of checksOf(schema)) {
        if (c.check === 'min_length') min = c.minimum;
        else if (c.check === 'max_length') declaredMax = c.maximum;
      }
      if (declaredMax !== undefined) max = Math.min(max, declaredMax);
      const candidates = [
        fc.array(element, { minLength: min, maxLength: Math.max(min, max) }),
        // The same value over and over (duplicate tags, categories...), up to the maximum.
        fc.tuple(element, fc.integer({ min: Math.max(min, 2), max: Math.max(min, 2, Math.min(declaredMax ?? 60, 60)) })).map(([v, n]) => Array.from({ length: n }, () => v)),
      ];
      if (declaredMax !== undefined && declaredMax <= 60) candidates.push(fc.array(element, { minLength: declaredMax, maxLength: declaredMax }));
      return fc.oneof(...candidates).filter((a) => schema.safeParse(a).success);
    }
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(shape)) fields[k] = arbitraryFor(s, ctx, k);
      // Optional fields are dropped rather than sent as undefined (JSON, as the transports carry it, drops them).
      return fc.record(fields).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    default:
      throw new Error(`contract-fuzz: no generator for zod type "${def.type}" (${ctx.call}, ${key || 'input'})`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The core under test
// ---------------------------------------------------------------------------------------------------------------

const ROLES: Role[] = ['lead', 'agent', 'trainee'];

let core: Core;
let dataDir: string;
const errorLog: string[] = [];
const log: Log = (level, message) => {
  if (level === 'error') errorLog.push(message);
};
const commits: Change[][] = [];

/**
 * The sessions the calls are made on: one per role, each the core issued at sign-in (with the demo PIN). A
 * backstage lead, added at the start and never named by a generated input, repairs a profile the calls disabled or
 * gave another secret, so the next call runs as the same role again.
 */
const agentOf: Partial<Record<Role, string>> = {};
const sessionOf: Partial<Record<Role | 'backstage', string | null>> = {};
const BACKSTAGE_SECRET = 'backstage-fuzz-secret';
let backstageId = '';

/** A call on a role's session, keeping the session the core issues or ends on it. */
async function callAs(who: Role | 'backstage', name: string, input: unknown): Promise<Result<unknown>> {
  let issued: string | null | undefined;
  const r = await core.call(name, input, sessionOf[who] ?? null, { issued: (id) => void (issued = id) });
  if (issued !== undefined) sessionOf[who] = issued;
  return r;
}

async function mustCall(who: Role | 'backstage', name: string, input: unknown): Promise<unknown> {
  const r = await callAs(who, name, input);
  if (!r.ok) throw new Error(`${who} ${name}: ${r.error.kind} ${r.error.code ?? ''} ${r.error.message}`);
  return r.value;
}

/** Brings a session back to "signed in as its own profile, unlocked", whatever the calls did to it. */
async function restore(who: Role | 'backstage'): Promise<void> {
  const agentId = who === 'backstage' ? backstageId : agentOf[who]!;
  const secret = who === 'backstage' ? BACKSTAGE_SECRET : DEMO_PINS[who];
  const tried: string[] = [];
  for (let attempt = 0; attempt < 8; attempt++) {
    const status = await callAs(who, 'session.status', {});
    const st = status.ok ? (status.value as { state: string; agent: { id: string } | null }) : null;
    if (st?.state === 'signed_in' && st.agent?.id === agentId) return;
    const r = st?.state === 'locked' && st.agent?.id === agentId ? await callAs(who, 'session.unlock', { secret }) : await callAs(who, 'session.signIn', { agentId, secret });
    if (r.ok) continue;
    tried.push(`${st?.state ?? 'no status'}: ${r.error.kind} ${r.error.code ?? ''} ${JSON.stringify(r.error.params ?? {})}`);
    // A backoff (kept short by resetSecretFailures) passes, on whichever clock it counts.
    const waitMs = Number(r.error.params?.retryAfterMs ?? 0);
    if (waitMs > 0) {
      core.clock.advance(waitMs + 1);
      if (waitMs <= 2000) await new Promise((done) => setTimeout(done, waitMs + 5));
    }
    if (r.error.kind !== 'rate_limited' && who !== 'backstage') {
      // Disabled, or given another secret, by a generated call: the backstage lead puts it back.
      await restore('backstage');
      await mustCall('backstage', 'profiles.setDisabled', { id: agentId, disabled: false });
      await mustCall('backstage', 'profiles.resetSecret', { id: agentId, secret });
    }
  }
  throw new Error(`cannot sign ${who} in again:\n${tried.join('\n')}`);
}

/**
 * The generated calls give wrong secrets (sign-in as a role's profile, a wrong current secret): each failure counts
 * towards that profile's sign-in backoff. A right secret right after resets the count, so restoring never waits.
 */
async function resetSecretFailures(written: readonly Change[]): Promise<void> {
  const failed = new Set(written.flatMap((c) => (c.op === 'put' && c.coll === 'audit' && c.rec.action.endsWith('.failed') ? [c.rec.actorId] : [])));
  for (const role of ROLES) {
    if (!failed.has(agentOf[role]!)) continue;
    await restore(role);
    await mustCall(role, 'session.changeSecret', { current: DEMO_PINS[role], next: DEMO_PINS[role] });
  }
}

async function restoreAll(): Promise<void> {
  for (const who of [...ROLES, 'backstage'] as const) await restore(who);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kefu-fuzz-'));
  core = await createCore({ dataDir, clock: manualClock(SANDBOX_NOW), log });
  core.store.onCommit((changes) => commits.push([...changes]));
  for (const role of ROLES) {
    const agent = [...core.store.all('agents').values()].find((a) => a.role === role && !a.disabled);
    if (!agent) throw new Error(`the demo seed has no ${role}`);
    agentOf[role] = agent.id;
    await restore(role);
  }
  const added = (await mustCall('lead', 'profiles.add', { name: 'Backstage (fuzz)', role: 'lead', secret: BACKSTAGE_SECRET })) as { id: string };
  backstageId = added.id;
  await restore('backstage');
}, 60_000);

afterAll(async () => {
  await core?.close().catch(() => {});
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const ids = (coll: CollectionName) => [...core.store.all(coll).keys()].filter((id) => id !== backstageId);

/** Which collection an id field of a call points at. */
function idCollection(call: CallName, key: string): CollectionName | 'any' | null {
  if (key === 'conversationId') return 'conversations';
  if (key === 'customerId') return 'customers';
  if (key === 'agentId' || key === 'toAgentId') return 'agents';
  if (key === 'id' && call.startsWith('profiles.')) return 'agents';
  if (key !== 'id') return null;
  const domain = call.split('.')[0];
  const byDomain: Record<string, CollectionName> = {
    conversation: 'conversations',
    sla: 'conversations',
    complaint: 'conversations',
    queue: 'conversations',
    canned: 'cannedReplies',
    reminders: 'reminders',
    notices: 'notices',
    views: 'savedViews',
  };
  return byDomain[domain] ?? 'any';
}

async function contextFor(call: CallName): Promise<GenContext> {
  const pools = new Map<CollectionName, string[]>();
  const pool = (coll: CollectionName) => pools.get(coll) ?? (pools.set(coll, ids(coll)), pools.get(coll)!);
  const exported: string[] = [];
  const backups: string[] = [];
  if (call === 'backup.restore') {
    const r = (await callAs('lead', 'backup.list', {})) as Result<{ name: string }[]>;
    if (r.ok) backups.push(...r.value.map((b) => b.name));
  }
  if (call === 'canned.import') {
    for (const role of ROLES) {
      const r = (await callAs(role, 'canned.export', {})) as Result<{ text: string }>;
      if (r.ok) exported.push(r.value.text);
    }
  }
  const ctx: GenContext = {
    call,
    now: core.clock.now(),
    idsFor(key) {
      const coll = idCollection(call, key);
      if (coll === null) return [];
      if (coll !== 'any') return pool(coll);
      return (['conversations', 'customers', 'agents', 'cannedReplies', 'reminders'] as const).flatMap((c) => pool(c).slice(0, 20));
    },
    extra(key) {
      // The demo PINs make some sign-ins and unlocks succeed (never `current`: a generated new secret would lock the role out).
      if (key === 'secret') return fc.constantFrom(...Object.values(DEMO_PINS));
      if (call === 'backup.restore' && key === 'name' && backups.length > 0) return fc.constantFrom(...backups);
      if (call !== 'canned.import' || key !== 'text') return null;
      const items = fc.array(arbitraryFor(CannedFileItem, { ...ctx, extra: () => null }), { maxLength: 6 });
      return fc.oneof(
        fc.constantFrom(
          ...exported,
          ...exported.map((t) => t.replace(/"scope": ?"personal"/gu, '"scope":"team"')),
          '[]',
          '{}',
          'null',
          '[null]',
          '{"cannedReplies":{}}',
          '{"__proto__":[]}',
          '['.repeat(5000),
          '[{"title":"t","body":"b","locale":"en","shortcut":"constructor","scope":"everyone"}]',
          '[{"title":"t","body":"b","locale":"en","__proto__":{}}]',
          '\uFEFF[]',
        ),
        items.map((list) => JSON.stringify(list)),
        items.map((list) => JSON.stringify({ format: 'kefu-desk/canned-replies', cannedReplies: list }, null, 2)),
      );
    },
  };
  return ctx;
}

/** Every string anywhere in a value (the ids an input points at). */
function stringsIn(v: unknown, out = new Set<string>()): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) stringsIn(x, out);
  return out;
}

/** Cheap enough to take around every call: collection sizes, plus every record the input names, the settings and the caller. */
function fingerprint(input: unknown, role: Role): string {
  // The audit trail is checked through the commits instead (a refused sign-in may audit itself).
  const parts: unknown[] = COLLECTIONS.filter((c) => c !== 'audit').map((c) => core.store.all(c).size);
  const named = [...stringsIn(input)].filter((s) => s.length <= 128);
  for (const c of COLLECTIONS.filter((c) => c !== 'audit')) for (const id of named) parts.push(core.store.get(c, id) ?? null);
  parts.push(core.store.get('settings', 'global') ?? null, core.store.get('agents', agentOf[role]!), core.store.get('preferences', agentOf[role]!) ?? null);
  return JSON.stringify(parts);
}

const brief = (v: unknown) => {
  const s = JSON.stringify(v, (_k, x) => (typeof x === 'string' && x.length > 60 ? `${x.slice(0, 40)}…(${x.length} chars)` : x));
  return s.length > 600 ? `${s.slice(0, 600)}…` : s;
};

// clock.advance moves the shared core's time by up to a year per call: run it last so it does not skew the rest.
const ORDER = [...CALL_NAMES].sort((a, b) => Number(a === 'clock.advance') - Number(b === 'clock.advance'));

/**
 * Whole inputs that reach deeper than independent fields would: settings that pass the cross-field rules, a
 * customer writing into one of their own conversations, a transfer to a real agent.
 */
function wholeInputs(call: CallName, ctx: GenContext): fc.Arbitrary<unknown> | null {
  const hours = fc.constantFrom(11.1111111, 0.1, 1 / 3, 1, 2.5, 12, 23.999999, 24, 100.05, 720);
  const conversations = [...core.store.all('conversations').values()];
  switch (call) {
    case 'settings.update':
      return fc
        .record({ vip: hours, extra: fc.constantFrom(0, 0.0001, 1 / 7, 12, 500), days: fc.integer({ min: 1, max: 60 }), risk: fc.double({ min: 0, max: 1, noNaN: true }) })
        .map(({ vip, extra, days, risk }) => ({
          slaHours: { vip, normal: Math.min(720, vip + extra) },
          complaintWorkingDays: days,
          atRiskMinutes: Math.max(1, Math.min(1440, Math.floor(vip * 60 * risk))),
        }));
    case 'sim.customerMessage':
      return fc
        .record({ c: fc.constantFrom(...conversations), body: arbitraryFor(defOf(contract[call].input).shape.body, ctx, 'body') })
        .map(({ c, body }) => ({ customerId: c.customerId, conversationId: c.id, body }));
    case 'customer.delete': {
      // The right name (as the UI makes the lead type it), sometimes padded or in another case.
      const customers = [...core.store.all('customers').values()];
      if (customers.length === 0) return null;
      return fc
        .tuple(fc.constantFrom(...customers), fc.constantFrom((n: string) => n, (n: string) => ` ${n} `, (n: string) => n.toUpperCase()))
        .map(([c, f]) => ({ customerId: c.id, confirmName: f(c.name) }));
    }
    default:
      return null;
  }
}

function seedOf(name: string): number {
  let h = SEED;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/**
 * Calls that check or hash a secret, end sessions the next call must sign in again (an scrypt each), write backups
 * or move the clock (every session then signs in again): fewer runs.
 */
const COSTLY = /^(session\.(signIn|signOut|lock|unlock|changeSecret|setupLead)|profiles\.(add|resetSecret|setDisabled)|backup\.|clock\.advance)/u;
const runsFor = (name: CallName, runs: number) => (COSTLY.test(name) ? Math.ceil(runs / 6) : runs);

describe('every contract entry, on valid input', () => {
  it.each(ORDER)('%s answers ok or a typed error (never internal) and a refusal changes nothing', (name) => fuzzEntry(name, runsFor(name, RUNS)));
});

// After clock.advance (above, last) the clock stands years ahead, beyond the working-day calendar's data.
describe('every contract entry, once the clock has moved years ahead', () => {
  it.each(ORDER.filter((n) => n !== 'clock.advance'))('%s', (name) => fuzzEntry(name, runsFor(name, Math.ceil(RUNS / 3)), 'later'));
});

async function fuzzEntry(name: CallName, runs: number, round = '') {
  {
    const entry = contract[name];
    await restoreAll();
    const ctx = await contextFor(name);
    const whole = wholeInputs(name, ctx);
    const generated = arbitraryFor(entry.input, ctx);
    // The same input twice tells little more (an entry without fields has one input: `{}`).
    const inputs = [
      ...new Map(
        fc
          .sample((whole ? fc.oneof(generated, whole) : generated).filter((v) => entry.input.safeParse(v).success), { seed: seedOf(name + round), numRuns: runs })
          .map((v) => [JSON.stringify(v), v] as const),
      ).values(),
    ];
    const problems: string[] = [];
    const outcomes = new Map<string, number>();
    for (const input of inputs) {
      expect(entry.input.safeParse(input).success).toBe(true);
      for (const role of ROLES) {
        const before = fingerprint(input, role);
        const commitsBefore = commits.length;
        const logBefore = errorLog.length;
        const sessionBefore = sessionOf[role];
        const r = await callAs(role, name, input);
        if (process.env.FUZZ_STATS) outcomes.set(`${role} ${r.ok ? 'ok' : r.error.kind}`, (outcomes.get(`${role} ${r.ok ? 'ok' : r.error.kind}`) ?? 0) + 1);
        if (!r.ok && r.error.kind === 'internal') {
          problems.push(`internal as ${role} for ${brief(input)}: ${r.error.message}\n    ${errorLog.slice(logBefore).join('\n    ').split('\n').slice(0, 8).join('\n    ')}`);
        }
        const refused = !r.ok || (name === 'canned.import' && (r.value as { committed: boolean }).committed === false);
        if (refused) {
          // A refusal may leave one trace: the audit line of a failed secret check ("session.signIn.failed").
          const written = commits.slice(commitsBefore).flat().filter((c) => !(c.op === 'put' && c.coll === 'audit' && c.rec.action.endsWith('.failed')));
          if (written.length > 0) problems.push(`refused (${r.ok ? 'not committed' : r.error.kind}) as ${role} but committed ${brief(written.map((c) => `${c.op} ${c.coll}`))} for ${brief(input)}`);
          else if (fingerprint(input, role) !== before) problems.push(`refused (${r.ok ? 'not committed' : r.error.kind}) as ${role} but the store changed for ${brief(input)}`);
        }
        await resetSecretFailures(commits.slice(commitsBefore).flat());
        // Sign-in, sign-out and lock move or end the caller's session; profile changes, time and restores any.
        if (r.ok && /^(profiles|clock|backup|settings)\./u.test(name)) await restoreAll();
        else if (sessionOf[role] !== sessionBefore || (r.ok && name.startsWith('session.'))) await restore(role);
      }
    }
    if (process.env.FUZZ_STATS) console.log(name, [...outcomes].map(([k, n]) => `${k}:${n}`).join(' '));
    expect(problems, problems.join('\n')).toEqual([]);
  }
}
