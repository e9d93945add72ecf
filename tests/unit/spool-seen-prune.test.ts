import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../electron/core/clock';
import { SEEN_RETENTION_DAYS } from '../../electron/core/services/spool/seenIds';
import { SANDBOX_NOW, type SandboxCore } from './coreSandbox';
import { line, msg, newConv, scan, spoolSandbox, write } from './spool-helpers';

const sb = spoolSandbox('kefu-spool-seen-');
const DAY = 24 * 3600_000;

const customerBodies = (core: SandboxCore, body: string) => [...core.store.all('messages').values()].filter((m) => m.author === 'customer' && m.body === body).length;
const seenIds = (core: SandboxCore) => [...core.store.all('spoolSeen').values()].flatMap((s) => s.eventIds);

describe('applied event ids: retention (docs/spool-format.md)', () => {
  it('refuses a duplicate inside the window, and forgets the ids of an archived file once the window has passed', async () => {
    const clock = manualClock(SANDBOX_NOW);
    const { core, spool } = await sb.open(undefined, { clock });
    const events = [newConv('P-R1'), msg('P-R1', 'first words')];
    write(spool, 'a.jsonl', events.map(line).join(''));
    expect((await scan(core)).imported).toBe(2);
    expect(seenIds(core).sort()).toEqual(events.map((e) => e.id).sort());

    // Day 29: the connector archived a.jsonl and re-sends the same lines under another name: still refused.
    clock.advance((SEEN_RETENTION_DAYS - 1) * DAY);
    rmSync(path.join(spool, 'a.jsonl'));
    write(spool, 'b.jsonl', events.map(line).join(''));
    await scan(core);
    expect(customerBodies(core, 'first words')).toBe(1);
    expect(seenIds(core)).toHaveLength(2);

    // Past the window, with a.jsonl gone: the ids are forgotten, durably.
    clock.advance(2 * DAY);
    rmSync(path.join(spool, 'b.jsonl'));
    await scan(core);
    expect(seenIds(core)).toEqual([]);
    expect(core.store.all('spoolSeen').size).toBe(0);

    // Which is exactly what the retention gives up: the same event re-sent now is applied again.
    write(spool, 'c.jsonl', line(events[1]));
    await scan(core);
    expect(customerBodies(core, 'first words')).toBe(2);
  });

  it('keeps the ids of a file still in the folder whatever their age (a shorter file is read again from the start)', async () => {
    const clock = manualClock(SANDBOX_NOW);
    const { core, spool } = await sb.open(undefined, { clock });
    const events = [newConv('P-R2'), msg('P-R2', 'kept words'), msg('P-R2', 'more words')];
    write(spool, 'live.jsonl', events.map(line).join(''));
    await scan(core);

    clock.advance((SEEN_RETENTION_DAYS + 5) * DAY);
    await scan(core);
    expect(seenIds(core)).toHaveLength(3);
    // The connector replaces the file with a shorter one holding old lines: read again, nothing applied twice.
    write(spool, 'live.jsonl', events.slice(0, 2).map(line).join(''));
    await scan(core);
    expect(customerBodies(core, 'kept words')).toBe(1);

    // Archived: pruned at the next hourly pass.
    rmSync(path.join(spool, 'live.jsonl'));
    await scan(core);
    expect(seenIds(core)).toHaveLength(3); // the last pass was less than an hour ago
    clock.advance(3600_000);
    await scan(core);
    expect(seenIds(core)).toEqual([]);
  });

  it('a restart loads only what was kept', async () => {
    const clock = manualClock(SANDBOX_NOW);
    const first = await sb.open(undefined, { clock });
    const old = [newConv('P-R3'), msg('P-R3', 'old words')];
    write(first.spool, 'old.jsonl', old.map(line).join(''));
    await scan(first.core);
    clock.advance((SEEN_RETENTION_DAYS + 1) * DAY);
    rmSync(path.join(first.spool, 'old.jsonl'));
    const recent = [newConv('P-R4'), msg('P-R4', 'recent words')];
    write(first.spool, 'recent.jsonl', recent.map(line).join(''));
    await scan(first.core);
    expect(seenIds(first.core).sort()).toEqual(recent.map((e) => e.id).sort());
    await sb.close(first.core);

    const { core, spool } = await sb.open(first.dataDir, { clock });
    rmSync(path.join(spool, 'recent.jsonl'));
    write(spool, 'again.jsonl', recent.map(line).join(''));
    await scan(core);
    expect(customerBodies(core, 'recent words')).toBe(1);
  });
});
