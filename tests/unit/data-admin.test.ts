import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core';
import { NOT_RESTORED } from '../../electron/core/services/backups';
import type { Output } from '../../shared/contract';
import { COLLECTIONS, type CollectionName } from '../../shared/schema';
import { coreSandbox, signInDemo } from './coreSandbox';

const DAY = 24 * 3600_000;
const LEAD_ID = 'a-zhaomin';
const AGENT_ID = 'a-lina';

const sandbox = coreSandbox('kefu-data-', 'lead');
const { call } = sandbox;

/**
 * THE one place this file signs in (sign-in now takes a secret; update only this block when it changes).
 * `open` gives a core with a lead session ("lead") and an agent session ("agent"); `advance` moves the manual
 * clock as a freshly signed-in lead, in steps shorter than the session idle expiry, and signs "lead" in again
 * (sessions also expire after 7 days, and these tests move the clock for weeks).
 */
async function open(dir?: string) {
  const opened = await sandbox.open(dir);
  await call(opened.core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
  await call(opened.core, 'session.signIn', { agentId: AGENT_ID }, 'agent');
  return opened;
}
async function advance(core: Core, ms: number) {
  const raw = (core as Core & { raw?: Core }).raw ?? core;
  const session = await signInDemo(raw, LEAD_ID);
  const STEP = 11 * 3600_000;
  for (let left = ms; left > 0; left -= STEP) {
    const r = await raw.call('clock.advance', { ms: Math.min(STEP, left) }, session);
    if (!r.ok) throw new Error(`clock.advance: ${r.error.message}`);
  }
  await call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
}

type Plain = Record<string, Record<string, unknown>>;
/** The live data of the collections a restore replaces, as plain JSON keyed by id. */
function liveData(core: Core, skip: ReadonlySet<string> = NOT_RESTORED): Plain {
  const out: Plain = {};
  for (const c of COLLECTIONS) {
    if (skip.has(c)) continue;
    out[c] = Object.fromEntries([...core.store.all(c)].map(([id, r]) => [id, JSON.parse(JSON.stringify(r))]));
  }
  return out;
}
/** A backup file's collections, keyed the same way. */
function fileData(path: string, skip: ReadonlySet<string> = NOT_RESTORED): Plain {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { collections: Record<string, { id: string }[]> };
  const out: Plain = {};
  for (const c of COLLECTIONS) {
    if (skip.has(c)) continue;
    out[c] = Object.fromEntries((raw.collections[c] ?? []).map((r) => [r.id, r]));
  }
  return out;
}
const backupsOf = (dataDir: string) => (existsSync(join(dataDir, 'backups')) ? readdirSync(join(dataDir, 'backups')).sort() : []);
const dailies = (dataDir: string) => backupsOf(dataDir).filter((n) => n.startsWith('backup-'));

/** A customer with at least two conversations, one rated. */
function busyCustomer(core: Core) {
  const convs = [...core.store.all('conversations').values()];
  const rated = new Set([...core.store.all('ratings').values()].map((r) => r.customerId));
  const id = [...core.store.all('customers').keys()].find((c) => rated.has(c) && convs.filter((x) => x.customerId === c).length >= 2)!;
  expect(id).toBeTruthy();
  return core.store.get('customers', id)!;
}

describe('daily backups', () => {
  it('are made once per Shanghai day from the ticker, hold the data of that moment, and the newest 7 are kept', async () => {
    const { core, dataDir } = await open();
    expect(dailies(dataDir)).toEqual([]);
    // A change still only in the journal must be in the backup: it is cut from a fresh compaction.
    const conv = [...core.store.all('conversations').values()].find((c) => c.status === 'open' || c.status === 'queued')!;
    const msg = await call<Output<'conversation.reply'>>(core, 'conversation.reply', { id: conv.id, body: 'backup canary 备份' }, 'lead');

    await advance(core, 60_000);
    await vi.waitFor(() => expect(dailies(dataDir)).toEqual(['backup-2026-11-24.json']), { timeout: 20_000, interval: 50 });
    const first = fileData(join(dataDir, 'backups', 'backup-2026-11-24.json'), new Set());
    expect(first.messages[msg.id]).toMatchObject({ body: 'backup canary 备份' });
    expect(Object.keys(first.conversations).length).toBe(core.store.all('conversations').size);

    // Later the same day: no second backup, the first is not rewritten.
    await call(core, 'conversation.reply', { id: conv.id, body: 'after the backup' }, 'lead');
    await advance(core, 3 * 3600_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(dailies(dataDir)).toEqual(['backup-2026-11-24.json']);
    expect(JSON.stringify(fileData(join(dataDir, 'backups', 'backup-2026-11-24.json'), new Set()))).toBe(JSON.stringify(first));

    // Nine more days, one backup each: the newest 7 stay.
    const days: string[] = ['2026-11-24'];
    for (let d = 1; d <= 9; d++) {
      await advance(core, DAY);
      const day = new Date(Date.parse('2026-11-24T12:00:00+08:00') + d * DAY + 8 * 3600_000).toISOString().slice(0, 10);
      days.push(day);
      await vi.waitFor(() => expect(dailies(dataDir)).toContain(`backup-${day}.json`), { timeout: 20_000, interval: 50 });
    }
    expect(dailies(dataDir)).toEqual(days.slice(-7).map((d) => `backup-${d}.json`));
    const list = await call<Output<'backup.list'>>(core, 'backup.list', {}, 'lead');
    expect(list.map((b) => b.name)).toEqual(days.slice(-7).reverse().map((d) => `backup-${d}.json`));
    expect(list.every((b) => b.kind === 'daily' && b.bytes > 0)).toBe(true);
  }, 120_000);
});

describe('restore from a backup', () => {
  it('replaces the live data with exactly the backup, in one commit, after keeping the data it replaces', async () => {
    const { core, dataDir } = await open();
    const made = await call<Output<'backup.create'>>(core, 'backup.create', {}, 'lead');
    expect(made.kind).toBe('manual');
    const backupFile = join(dataDir, 'backups', made.name);
    const atBackup = liveData(core);
    expect(fileData(backupFile)).toEqual(atBackup);

    // Change things after the backup: edit, add and delete records, through the contract and directly.
    const victim = busyCustomer(core);
    await call(core, 'customer.delete', { customerId: victim.id, confirmName: victim.name }, 'lead');
    const conv = [...core.store.all('conversations').values()].find((c) => c.status === 'open' || c.status === 'queued')!;
    const reply = await call<Output<'conversation.reply'>>(core, 'conversation.reply', { id: conv.id, body: 'written after the backup' }, 'lead');
    const renamed = [...core.store.all('customers').values()][0];
    core.store.commit([
      { op: 'put', coll: 'customers', rec: { ...renamed, name: 'Renamed after backup' } },
      { op: 'put', coll: 'customers', rec: { id: 'cu-new', name: 'New Customer', tier: 'normal', locale: 'en', createdAt: core.clock.now() } },
    ]);
    const beforeRestore = liveData(core, new Set());
    const auditBefore = core.store.all('audit').size;

    let commits = 0;
    const off = core.store.onCommit(() => commits++);
    const r = await call<Output<'backup.restore'>>(core, 'backup.restore', { name: made.name }, 'lead');
    off();
    expect(commits).toBe(1);

    // The live data is the backup's, record for record.
    expect(liveData(core)).toEqual(fileData(backupFile));
    expect(core.store.get('messages', reply.id)).toBeUndefined();
    expect(core.store.get('customers', victim.id)).toEqual(atBackup.customers[victim.id]);
    expect(core.store.get('customers', 'cu-new')).toBeUndefined();
    expect(r.puts + r.dels).toBeGreaterThan(0);
    expect(r.counts.customers).toBe(Object.keys(atBackup.customers).length);

    // What was replaced is kept, complete, as a pre-restore backup.
    expect(r.keptAs).toMatch(/^pre-restore-/u);
    expect(fileData(join(dataDir, 'backups', r.keptAs), new Set())).toEqual(beforeRestore);
    // The audit trail is not rolled back: every line stays, plus the restore's.
    expect(core.store.all('audit').size).toBe(auditBefore + 1);
    const line = [...core.store.all('audit').values()].find((a) => a.action === 'backup.restore')!;
    expect(line).toMatchObject({ actorId: LEAD_ID, after: { restored: made.name }, before: { keptAs: r.keptAs } });

    // The services follow at once: the restored customer's history reads again; the list shows both backups.
    const history = await call<Output<'customer.history'>>(core, 'customer.history', { customerId: victim.id }, 'lead');
    expect(history.conversations.length).toBe(Object.values(atBackup.conversations as Record<string, { customerId: string }>).filter((c) => c.customerId === victim.id).length);
    const names = (await call<Output<'backup.list'>>(core, 'backup.list', {}, 'lead')).map((b) => b.name).sort();
    expect(names).toEqual([made.name, r.keptAs].sort());

    // And a restore can be undone: restoring the pre-restore backup brings back the data it replaced.
    await advance(core, 1000);
    await call(core, 'backup.restore', { name: r.keptAs }, 'lead');
    expect(liveData(core)).toEqual(fileData(join(dataDir, 'backups', r.keptAs)));

    // The restored data is durable: a restart reads it back.
    const expected = liveData(core);
    await core.close();
    const reopened = await open(dataDir);
    expect(liveData(reopened.core)).toEqual(expected);
  }, 60_000);

  it('refuses a backup that does not exist or holds invalid records, and changes nothing', async () => {
    const { core, dataDir } = await open();
    const missing = await core.call('backup.restore', { name: 'backup-2020-01-01.json' }, 'lead');
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const made = await call<Output<'backup.create'>>(core, 'backup.create', {}, 'lead');
    const file = join(dataDir, 'backups', made.name);
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    raw.collections.customers[0].tier = 'platinum';
    (await import('node:fs')).writeFileSync(file, JSON.stringify(raw));
    const before = liveData(core, new Set());
    const r = await core.call('backup.restore', { name: made.name }, 'lead');
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(liveData(core, new Set())).toEqual(before);
    expect(backupsOf(dataDir).filter((n) => n.startsWith('pre-restore-'))).toEqual([]);
  });
  it('a backup is written record by record with checksums: a record whose bytes changed on disk refuses the restore', async () => {
    const { core, dataDir } = await open();
    const made = await call<Output<'backup.create'>>(core, 'backup.create', {}, 'lead');
    const file = join(dataDir, 'backups', made.name);
    const text = readFileSync(file, 'utf8');
    // One record per line, so no string of the whole store is needed to write or read it.
    const customerLines = text.split('\n').filter((l) => l.startsWith('{"id":"') && l.includes('"tier":'));
    expect(customerLines.length).toBeGreaterThan(1);
    // A still-valid record (another name), changed in place: only its checksum can tell.
    const line = customerLines[0];
    const rec = JSON.parse(line.replace(/,$/, '')) as { name: string };
    const changed = JSON.stringify({ ...rec, name: `${rec.name}X` }) + (line.endsWith(',') ? ',' : '');
    (await import('node:fs')).writeFileSync(file, text.replace(line, changed));
    const before = liveData(core, new Set());
    const r = await core.call('backup.restore', { name: made.name }, 'lead');
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(JSON.stringify(r)).toMatch(/checksum/);
    expect(liveData(core, new Set())).toEqual(before);
  });
});

describe('permissions', () => {
  it('refuses every data call to an agent, and nothing is written', async () => {
    const { core, dataDir } = await open();
    const customer = busyCustomer(core);
    const made = await call<Output<'backup.create'>>(core, 'backup.create', {}, 'lead');
    const before = liveData(core, new Set());
    const files = backupsOf(dataDir);
    const calls: [string, unknown][] = [
      ['backup.list', {}],
      ['backup.create', {}],
      ['backup.restore', { name: made.name }],
      ['customer.export', { customerId: customer.id }],
      ['customer.delete', { customerId: customer.id, confirmName: customer.name }],
    ];
    for (const [name, input] of calls) {
      expect(await core.call(name, input, 'agent'), name).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(liveData(core, new Set())).toEqual(before);
    expect(backupsOf(dataDir)).toEqual(files);
  });
});

describe('customer data requests', () => {
  /** Every record of `core` that points at the customer or one of their conversations. */
  function keyedTo(core: Core, customerId: string) {
    const convIds = new Set([...core.store.all('conversations').values()].filter((c) => c.customerId === customerId).map((c) => c.id));
    const out: Record<string, string[]> = {};
    for (const coll of COLLECTIONS) {
      const ids = [...core.store.all(coll).values()]
        .filter((r) => {
          const x = r as { id: string; customerId?: string; conversationId?: string; targetId?: string | null };
          if (coll === 'customers') return x.id === customerId;
          if (coll === 'conversations') return convIds.has(x.id);
          if (coll === 'audit') return x.targetId === customerId || (x.targetId != null && convIds.has(x.targetId));
          return x.customerId === customerId || (x.conversationId !== undefined && convIds.has(x.conversationId));
        })
        .map((r) => r.id)
        .sort();
      if (ids.length > 0) out[coll] = ids;
    }
    return { convIds, out };
  }

  /** Gives the customer a message, a note, a reminder and a draft, so every kind of record is there. */
  async function enrich(core: Core, customerId: string) {
    const conv = [...core.store.all('conversations').values()].find((c) => c.customerId === customerId)!;
    const open = [...core.store.all('conversations').values()].find((c) => c.customerId === customerId && ['open', 'queued', 'pending'].includes(c.status));
    const target = open ?? conv;
    await core.call('conversation.reply', { id: target.id, body: 'PRIVATE-NOTE about the customer', internal: true }, 'lead');
    await call(core, 'reminders.create', { conversationId: target.id, when: { preset: 'in_1_hour' }, note: 'PRIVATE-REMINDER call back' }, 'lead');
    await call(core, 'draft.save', { conversationId: target.id, body: 'PRIVATE-DRAFT half written' }, 'lead');
  }

  it('export holds every record keyed to the customer and nothing of anyone else (no credentials, no agents)', async () => {
    const { core } = await open();
    const customer = busyCustomer(core);
    await enrich(core, customer.id);
    const expected = keyedTo(core, customer.id);
    expect(Object.keys(expected.out)).toEqual(expect.arrayContaining(['customers', 'conversations', 'messages', 'ratings', 'reminders', 'drafts']));

    const { fileName, document } = await call<Output<'customer.export'>>(core, 'customer.export', { customerId: customer.id }, 'lead');
    expect(fileName).toMatch(new RegExp(`^customer-${customer.id}-2026-11-24\\.json$`, 'u'));
    expect(document).toMatchObject({ format: 'kefu-desk.customer-export', customerId: customer.id });
    const got: Record<string, string[]> = {};
    for (const [coll, recs] of Object.entries(document.collections)) {
      const ids = (recs as { id: string }[]).map((r) => r.id).sort();
      if (ids.length > 0) got[coll] = ids;
      expect(document.counts[coll]).toBe(recs.length);
    }
    // The export audit line itself was written after the export was read.
    expect(got).toEqual(expected.out);
    // The records are the stored ones, in full.
    for (const m of document.collections.messages as { id: string }[]) expect(m).toEqual(JSON.parse(JSON.stringify(core.store.get('messages', m.id))));
    // Nothing of anyone else, and never the team's own records or secrets.
    const text = JSON.stringify(document);
    for (const other of core.store.all('customers').values()) if (other.id !== customer.id) expect(text).not.toContain(`"${other.id}"`);
    for (const coll of ['credentials', 'agents', 'settings', 'preferences', 'cannedReplies', 'savedViews']) expect(document.collections).not.toHaveProperty(coll);
    for (const cred of core.store.all('credentials' as CollectionName).values()) expect(text).not.toContain((cred as { hash: string }).hash);
    // Audited, with counts only.
    const line = [...core.store.all('audit').values()].find((a) => a.action === 'customer.export')!;
    expect(line).toMatchObject({ actorId: LEAD_ID, targetId: customer.id });
    expect(JSON.stringify(line)).not.toContain(customer.name);
  });

  it('delete removes every record of the customer in one commit and audits who, when and how many, not what', async () => {
    const { core } = await open();
    const customer = busyCustomer(core);
    await enrich(core, customer.id);
    await call(core, 'conversation.transfer', { id: [...keyedTo(core, customer.id).convIds][0], toAgentId: 'a-zhangwei', note: 'PRIVATE-TRANSFER-NOTE' }, 'lead').catch(() => {});
    const { convIds, out: expected } = keyedTo(core, customer.id);
    const bodies = [...core.store.all('messages').values()].filter((m) => convIds.has(m.conversationId)).map((m) => m.body);
    const sizes = Object.fromEntries(COLLECTIONS.map((c) => [c, core.store.all(c).size]));
    const others = liveData(core, new Set(['audit', ...Object.keys(expected)]));

    // A wrong confirmation deletes nothing.
    expect(await core.call('customer.delete', { customerId: customer.id, confirmName: `${customer.name}x` }, 'lead')).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(keyedTo(core, customer.id).out).toEqual(expected);

    let commits = 0;
    const off = core.store.onCommit(() => commits++);
    const r = await call<Output<'customer.delete'>>(core, 'customer.delete', { customerId: customer.id, confirmName: customer.name }, 'lead');
    off();
    expect(commits).toBe(1);

    // Every record keyed to them is gone (audit lines stay, stripped of content); nobody else lost anything.
    const left = keyedTo(core, customer.id).out;
    expect(Object.keys(left).filter((c) => c !== 'audit')).toEqual([]);
    for (const coll of Object.keys(expected)) {
      if (coll === 'audit') continue;
      expect(r.counts[coll], coll).toBe(expected[coll].length);
      expect(core.store.all(coll as CollectionName).size, coll).toBe(sizes[coll] - expected[coll].length);
    }
    expect(liveData(core, new Set(['audit', ...Object.keys(expected)]))).toEqual(others);
    expect(await core.call('customer.history', { customerId: customer.id }, 'lead')).toMatchObject({ ok: false, error: { kind: 'not_found' } });

    // The audit: who, when, counts; no name, no message, note, reminder or draft text anywhere in the trail about them.
    const line = [...core.store.all('audit').values()].find((a) => a.action === 'customer.delete')!;
    expect(line).toMatchObject({ actorId: LEAD_ID, at: core.clock.now(), targetId: customer.id, after: { counts: r.counts } });
    const trail = JSON.stringify([...core.store.all('audit').values()]);
    for (const secret of [customer.name, 'PRIVATE-NOTE', 'PRIVATE-REMINDER', 'PRIVATE-DRAFT', 'PRIVATE-TRANSFER-NOTE', ...bodies]) {
      expect(trail, secret).not.toContain(secret);
    }
    for (const id of left.audit ?? []) {
      const a = core.store.get('audit', id)!;
      if (!a.action.startsWith('customer.')) expect(a.before === undefined && a.after === undefined, a.action).toBe(true);
    }
  });
});
