import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signInPreview } from '../../electron/core/identity/signInPreview';
import { PREVIEW_LIMITS } from '../../electron/core/store/profileRecords';
import { journalName, listStoreFiles, snapshotName } from '../../electron/core/store/snapshot';
import { snapshotIndexName } from '../../electron/core/store/snapshotIndex';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import { coreSandbox } from './coreSandbox';

const box = coreSandbox('kefu-preview-');

/** A seeded demo store folded into one snapshot (with its index) and closed: what a second start finds. */
async function closedStore() {
  const { core, dataDir } = await box.open();
  await core.store.compact();
  await core.close();
  return dataDir;
}

/** What the opened store's session.status says to a window without a session. */
async function openedStatus(dataDir: string) {
  const { core } = await box.open(dataDir);
  const r = await core.call('session.status', {}, null);
  if (!r.ok) throw new Error(r.error.message);
  return { core, status: r.value as { profiles: unknown[] } };
}

const newestSnapshot = (dir: string) => join(dir, snapshotName(listStoreFiles(dir).snapshots.at(-1)!));

describe('the sign-in screen read ahead of the open (profiles from the store files)', () => {
  it('offers the same profiles, in the same order, as the opened store, marked as still opening', async () => {
    const dir = await closedStore();
    const preview = signInPreview(dir);
    const { status } = await openedStatus(dir);
    expect(preview).not.toBeNull();
    expect(preview!.profiles.length).toBeGreaterThan(3);
    expect(preview).toEqual({ ...status, opening: true });
    expect(status).toMatchObject({ opening: false, state: 'signed_out' });
  });

  it('follows the journals written since the snapshot: a profile added, one disabled, one changed', async () => {
    const dir = await closedStore();
    const { core } = await box.open(dir);
    await box.call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    await box.call(core, 'profiles.add', { name: '新同事', role: 'agent', secret: '135790' }, 'lead');
    await box.call(core, 'profiles.setDisabled', { id: 'a-oliver', disabled: true }, 'lead');
    await box.call(core, 'agent.setPresence', { presence: 'away' }, 'lead');
    // The changes are in a journal after the newest snapshot (what the preview must replay), not folded into it.
    const files = listStoreFiles(dir);
    const journal = files.journals.filter((g) => g >= files.snapshots.at(-1)!).map((g) => readFileSync(join(dir, journalName(g)), 'utf8')).join('');
    expect(journal).toContain('a-oliver');
    const truth = (await core.call('session.status', {}, null)) as { ok: true; value: { profiles: { name: string; id: string }[] } };
    const preview = signInPreview(dir)!;
    expect(preview.profiles).toEqual(truth.value.profiles);
    expect(preview.profiles.map((p) => p.name)).toContain('新同事');
    expect(preview.profiles.map((p) => p.id)).not.toContain('a-oliver');
  });

  it('gives nothing (the window waits for the open) whenever the files leave any doubt', async () => {
    const dir = await closedStore();
    expect(signInPreview(dir)).not.toBeNull();
    const snapshot = newestSnapshot(dir);
    const original = readFileSync(snapshot);

    // A profile record that fails its schema.
    writeFileSync(snapshot, original.toString('latin1').replace('"role":"trainee"', '"role":"trainer"'), 'latin1');
    expect(signInPreview(dir)).toBeNull();
    // A record line cut out of the section (the index's count no longer matches).
    writeFileSync(snapshot, original.toString('latin1').replace(/\n\{"id":"a-james"[^\n]*/, ''), 'latin1');
    expect(signInPreview(dir)).toBeNull();
    writeFileSync(snapshot, original);
    expect(signInPreview(dir)).not.toBeNull();

    // Journals too big to read ahead quickly.
    const { core } = await box.open(dir);
    await box.call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    await box.call(core, 'profiles.add', { name: 'Late Joiner', role: 'agent', secret: '246802' }, 'lead');
    const limit = PREVIEW_LIMITS.journalBytes;
    PREVIEW_LIMITS.journalBytes = 10;
    try {
      expect(signInPreview(dir)).toBeNull();
    } finally {
      PREVIEW_LIMITS.journalBytes = limit;
    }
    expect(signInPreview(dir)!.profiles.map((p) => p.name)).toContain('Late Joiner');
    await core.close();

    // No index beside the snapshot (an earlier version's snapshot): the sections cannot be found without reading it.
    const gen = listStoreFiles(dir).snapshots.at(-1)!;
    rmSync(join(dir, snapshotIndexName(gen)));
    expect(signInPreview(dir)).toBeNull();
  });

  it('gives nothing for a new folder, or a store whose profiles cannot sign in (the first-run screen is the open’s)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kefu-preview-empty-'));
    expect(signInPreview(empty)).toBeNull();
    rmSync(empty, { recursive: true });

    const dir = await closedStore();
    const snapshot = newestSnapshot(dir);
    // Every credential removed from the section's lines would break the count: instead every profile disabled.
    writeFileSync(snapshot, readFileSync(snapshot, 'latin1').replaceAll('"disabled":false', '"disabled":true '), 'latin1');
    expect(signInPreview(dir)).toBeNull();
  });

  it('is the lead’s real sign-in list even when the lead is the only profile left', async () => {
    const dir = await closedStore();
    const { core } = await box.open(dir);
    await box.call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    for (const p of (await box.call<{ id: string; role: string }[]>(core, 'profiles.list', {}, 'lead')).filter((x) => x.id !== LEAD_ID)) {
      await box.call(core, 'profiles.setDisabled', { id: p.id, disabled: true }, 'lead');
    }
    expect(signInPreview(dir)!.profiles.map((p) => p.id)).toEqual([LEAD_ID]);
  });
});
