import { describe, expect, it } from 'vitest';
import { DRAFT_MAX_CHARS, REPLY_MAX_CHARS } from '../../shared/schema';
import { coreSandbox } from './coreSandbox';

const { open, call } = coreSandbox('kefu-drafts-');

describe('drafts never lose typed text', () => {
  it('keeps a draft longer than a reply may be, across a restart, while the reply itself is refused', async () => {
    const { core, dataDir } = await open();
    const id = [...core.store.all('conversations').values()].find((c) => c.status === 'open')!.id;
    const long = '长'.repeat(REPLY_MAX_CHARS + 500);
    await call(core, 'draft.save', { conversationId: id, body: long });
    const refused = await core.call('conversation.reply', { id, body: long }, 's1');
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation' } });
    await core.close();

    const { core: again } = await open(dataDir);
    expect((await call(again, 'draft.get', { conversationId: id })).body).toBe(long);
    expect(await again.call('draft.save', { conversationId: id, body: 'x'.repeat(DRAFT_MAX_CHARS + 1) }, 's1')).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('answers not_found for a conversation that does not exist, and stores nothing', async () => {
    const { core } = await open();
    const before = core.store.all('drafts').size;
    for (const conversationId of ['constructor', '   ', 'c-nope', 'c'.repeat(128)]) {
      expect(await core.call('draft.save', { conversationId, body: 'hello' }, 's1'), conversationId).toMatchObject({ ok: false, error: { kind: 'not_found' } });
      expect(await core.call('draft.get', { conversationId }, 's1'), conversationId).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    }
    expect(core.store.all('drafts').size).toBe(before);
  });
});
