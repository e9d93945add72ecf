import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateChanges, migrateStore } from '../../electron/core/store/migrations';
import { SCHEMA_VERSION } from '../../shared/schema';
import { storeSandbox } from './storeSandbox';

/** Version 3 → 4: the placeholder `scenarios` / `attempts` collections give way to the training collections. */
const { tempDir, open, closeStore } = storeSandbox('kefu-training-mig-');

const v3Scenario = { id: 'sc-01', title: '视频上传卡在99%', category: 'video_upload', locale: 'zh-CN', steps: [{ customer: '卡在99%', expect: ['抱歉'] }] };
const v3Attempt = { id: 'at-1', scenarioId: 'sc-01', traineeId: 'a-liuyang', startedAt: 1, finishedAt: null, answers: [], score: null };
const customer = (id: string) => ({ id, name: `客户 ${id}`, tier: 'normal', locale: 'zh-CN', createdAt: 1 });

describe('migration 3 → 4 (training)', () => {
  it('drops the placeholders from a snapshot and a journal of version 3; nothing is quarantined', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'snapshot-0.json'), JSON.stringify({ version: 3, gen: 0, seq: 0, collections: { customers: [customer('u1')], scenarios: [v3Scenario], attempts: [v3Attempt] } }));
    writeFileSync(
      path.join(dir, 'journal-0.ndjson'),
      [
        JSON.stringify({ journal: 1, version: 3, gen: 0 }),
        JSON.stringify({ seq: 1, changes: [{ op: 'put', coll: 'scenarios', rec: { ...v3Scenario, id: 'sc-02' } }, { op: 'put', coll: 'customers', rec: customer('u2') }] }),
        JSON.stringify({ seq: 2, changes: [{ op: 'del', coll: 'attempts', id: 'at-1' }] }),
        '',
      ].join('\n'),
    );
    const s = await open(dir);
    expect(s.problems).toEqual([]);
    expect([...s.all('customers').keys()].sort()).toEqual(['u1', 'u2']);
    expect(s.all('trainingScenarios').size).toBe(0);
    expect(s.all('trainingAttempts').size).toBe(0);
    await closeStore(s);
    const newest = readdirSync(dir).filter((f) => /^snapshot-\d+\.json$/.test(f)).sort().pop()!;
    const onDisk = JSON.parse(readFileSync(path.join(dir, newest), 'utf8'));
    expect(onDisk.version).toBe(SCHEMA_VERSION);
    expect(onDisk.collections).not.toHaveProperty('scenarios');
    expect(onDisk.collections).not.toHaveProperty('attempts');
    const again = await open(dir);
    expect(again.problems).toEqual([]);
    await closeStore(again);
  });

  it('the pure steps: the collections go, everything else stays as it was', () => {
    const { data, steps } = migrateStore({ version: 3, collections: { customers: [customer('u1')], scenarios: [v3Scenario], attempts: [] } });
    expect(steps).toEqual(['3→4', '4→5']); // 4→5 (transcript ids) changes nothing here
    expect(data).toEqual({ version: 5, collections: { customers: [customer('u1')] } });
    expect(migrateChanges(3, [{ op: 'put', coll: 'attempts', rec: v3Attempt }, { op: 'put', coll: 'customers', rec: customer('u3') }, 'junk'])).toEqual([{ op: 'put', coll: 'customers', rec: customer('u3') }, 'junk']);
  });
});
