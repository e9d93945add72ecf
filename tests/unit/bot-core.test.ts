import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Output } from '../../shared/contract';
import { coreSandbox, SANDBOX_NOW } from './coreSandbox';

/**
 * The first line through the core: a new payment conversation gets a bot answer and waits for nobody (no SLA
 * clock, not in the queue); the customer asks for a person; it is handed over with the transcript's message ids,
 * routed with reasons, and its SLA clock starts at the hand-over.
 */
const MIN = 60_000;
const H = 60 * MIN;
const { open, call } = coreSandbox('kefu-bot-core-');
const LEAD = 'a-zhaomin';

const asLead = async (core: Core) => {
  await call(core, 'session.signIn', { agentId: LEAD }, 'lead');
};
const get = (core: Core, id: string) => call<Output<'conversation.get'>>(core, 'conversation.get', { id });
const start = (core: Core, customerId: string, category: string, body: string) =>
  call<{ conversationId: string }>(core, 'sim.botConversation', { customerId, category, body }, 'lead').then((r) => r.conversationId);
const write = (core: Core, customerId: string, conversationId: string, body: string) => call(core, 'sim.customerMessage', { customerId, conversationId, body });
const inQueue = async (core: Core, id: string) => (await call<Output<'queue.indexOf'>>(core, 'queue.indexOf', { id })).index >= 0;

/** A demo customer of this language and tier with no earlier conversation in the category (so not a follow-up). */
const customerOf = (core: Core, locale: 'zh-CN' | 'en', category = 'payment', tier: 'normal' | 'vip' = 'normal') => {
  const had = new Set([...core.store.all('conversations').values()].filter((c) => c.category === category).map((c) => c.customerId));
  return [...core.store.all('customers').values()].find((c) => c.locale === locale && c.tier === tier && !had.has(c.id))!.id;
};

describe('a new payment conversation with the bot', () => {
  it('gets an FAQ answer, no SLA clock and no queue row; "转人工" hands it over, routed with reasons, clock from the hand-over', async () => {
    const { core } = await open();
    await asLead(core);
    const customerId = customerOf(core, 'zh-CN');
    const id = await start(core, customerId, 'payment', '我充值了100块，钱扣了但是抖币一直没到账');

    let d = await get(core, id);
    expect(d.conversation.status).toBe('bot');
    expect(d.conversation.dueAt).toBeNull();
    expect(d.conversation.slaClockStartedAt).toBeNull();
    const answer = d.messages.at(-1)!;
    expect(answer.author).toBe('bot');
    expect(answer.faqId).toBe('faq-pay-not-credited');
    expect(answer.body).toContain('转人工');
    expect(await inQueue(core, id)).toBe(false);

    await core.clock.advance(10 * MIN); // bot time never counts
    await write(core, customerId, id, '没用，我要转人工');
    d = await get(core, id);
    const c = d.conversation;
    expect(c.status).toBe('queued');
    expect(c.queuedAt).toBe(SANDBOX_NOW + 10 * MIN);
    expect(c.slaClockStartedAt).toBe(SANDBOX_NOW + 10 * MIN);
    expect(c.dueAt).toBe(SANDBOX_NOW + 10 * MIN + 24 * H);
    expect(c.handOver).toMatchObject({ reason: 'asked_for_person', categoryGuess: 'payment' });
    expect(c.handOver!.confidence).toBeGreaterThan(0.5);
    // The hand-over names the thread's messages in order; the texts are in the messages collection, not copied.
    const said = c.handOver!.transcriptIds.map((mid) => core.store.get('messages', mid));
    expect(said.map((m) => m?.author)).toEqual(['customer', 'bot', 'customer', 'bot']);
    expect(said.map((m) => m?.body)).toEqual(['我充值了100块，钱扣了但是抖币一直没到账', answer.body, '没用，我要转人工', d.messages.at(-1)!.body]);
    expect(c.handOver!.transcriptIds).toEqual(d.messages.map((m) => m.id));
    // Routed: 张伟 has payment 5 and speaks Chinese; the reasons say why, structured.
    expect(c.assigneeId).not.toBeNull();
    expect(c.routing).toMatchObject({ state: 'assigned', agentId: c.assigneeId });
    expect(c.routing!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['skill', 'language', 'load']));
    expect(c.routing!.reasons.find((r) => r.code === 'skill')!.params).toMatchObject({ category: 'payment' });
    expect(await inQueue(core, id)).toBe(true);
    const explain = await call<Output<'sla.explain'>>(core, 'sla.explain', { id });
    expect(explain).toMatchObject({ state: 'owed', clock: 'handover', clockStartedAt: SANDBOX_NOW + 10 * MIN });
  });
});

describe('straight to a person, and two unhelpful answers', () => {
  it('a complaint is handed over at once (reason "category"), routed, clock running', async () => {
    const { core } = await open();
    await asLead(core);
    const customerId = customerOf(core, 'zh-CN', 'complaint');
    const id = await start(core, customerId, 'complaint', '你们客服态度太差了，我要投诉');
    const c = (await get(core, id)).conversation;
    expect(c.status).toBe('queued');
    expect(c.handOver).toMatchObject({ reason: 'category', transcriptIds: [] });
    expect(c.resultClockStartedAt).toBe(SANDBOX_NOW);
    expect(c.routing?.state).toBe('assigned');
    expect((await get(core, id)).messages.filter((m) => m.author === 'bot')).toEqual([]);
  });

  it('the customer says twice that it did not help: a second answer, then the hand-over', async () => {
    const { core } = await open();
    await asLead(core);
    const customerId = customerOf(core, 'en', 'video_upload');
    const id = await start(core, customerId, 'video_upload', 'my video is stuck at 99% uploading');
    let d = await get(core, id);
    expect(d.conversation.status).toBe('bot');
    const first = d.messages.at(-1)!.faqId;
    await write(core, customerId, id, "didn't help, the upload keeps failing");
    d = await get(core, id);
    expect(d.conversation.status).toBe('bot');
    expect(d.conversation.bot).toMatchObject({ answers: 2, unhelpful: 1 });
    expect(d.messages.at(-1)!.faqId).not.toBe(first);
    await write(core, customerId, id, 'still not working');
    d = await get(core, id);
    expect(d.conversation.status).toBe('queued');
    expect(d.conversation.handOver?.reason).toBe('unhelpful');
    const customerSaid = d.conversation.handOver!.transcriptIds.map((mid) => core.store.get('messages', mid)!).filter((m) => m.author === 'customer');
    expect(customerSaid.map((m) => m.body)).toEqual(['my video is stuck at 99% uploading', "didn't help, the upload keeps failing", 'still not working']);
  });

  it('a VIP goes straight to a person when the lead says so (audited)', async () => {
    const { core } = await open();
    await asLead(core);
    await call(core, 'bot.updateSettings', { bot: { vipToHuman: true } }, 'lead');
    expect([...core.store.all('audit').values()].some((a) => a.action === 'bot.settings')).toBe(true);
    const customerId = customerOf(core, 'zh-CN', 'account', 'vip');
    const id = await start(core, customerId, 'account', '忘记密码了怎么办');
    const c = (await get(core, id)).conversation;
    expect(c.handOver?.reason).toBe('vip');
    expect(c.dueAt).toBe(SANDBOX_NOW + 12 * H);
  });
});

describe('waiting for someone, and the lead', () => {
  it('with nobody able to take it, it waits unassigned; routed as soon as an agent comes online', async () => {
    const { core } = await open();
    await asLead(core);
    // Everyone who speaks English and does payment goes away (a-lina, the default session, is over capacity in the
    // demo: she gets room while away, so that her coming back is what frees the conversation).
    for (const id of ['a-james', 'a-oliver']) {
      const a = core.store.get('agents', id)!;
      core.store.commit([{ op: 'put', coll: 'agents', rec: { ...a, presence: 'away' } }]);
    }
    await call(core, 'agent.setPresence', { presence: 'away' });
    const lina = core.store.get('agents', 'a-lina')!;
    core.store.commit([{ op: 'put', coll: 'agents', rec: { ...lina, capacity: 60 } }]);
    const customerId = customerOf(core, 'en', 'payment');
    const id = await start(core, customerId, 'payment', 'talk to a person please');
    let c = (await get(core, id)).conversation;
    expect(c.status).toBe('queued');
    expect(c.assigneeId).toBeNull();
    expect(c.routing).toMatchObject({ state: 'waiting', reasons: [{ code: 'nobody_available' }] });
    expect((await call<Output<'routing.loads'>>(core, 'routing.loads', {}, 'lead')).waiting).toBe(1);

    await call(core, 'agent.setPresence', { presence: 'online' }); // a-lina is back
    c = (await get(core, id)).conversation;
    expect(c.assigneeId).toBe('a-lina');
    expect(c.routing?.state).toBe('assigned');
    expect([...core.store.all('audit').values()].some((a) => a.action === 'conversation.routed' && a.targetId === id && a.after === 'a-lina')).toBe(true);
  });

  it('a lead re-routes by hand (audited, reasons say so), sees each agent’s load; trainees refused; agents may not', async () => {
    const { core } = await open();
    await asLead(core);
    const customerId = customerOf(core, 'zh-CN', 'payment');
    const id = await start(core, customerId, 'payment', '转人工');
    const loads = await call<Output<'routing.loads'>>(core, 'routing.loads', {}, 'lead');
    const chen = loads.agents.find((a) => a.id === 'a-chenjing')!;
    expect(chen).toMatchObject({ availability: 'available', capacity: 30 });
    const c = await call<Output<'routing.reroute'>>(core, 'routing.reroute', { id, toAgentId: 'a-chenjing', note: '她熟悉这个客户' }, 'lead');
    expect(c).toMatchObject({ assigneeId: 'a-chenjing', routing: { state: 'manual', by: LEAD } });
    expect(c.routing!.reasons[0]).toEqual({ code: 'manual', params: { by: '赵敏' } });
    expect([...core.store.all('audit').values()].find((a) => a.action === 'conversation.rerouted')).toMatchObject({ actorId: LEAD, targetId: id });
    const after = await call<Output<'routing.loads'>>(core, 'routing.loads', {}, 'lead');
    expect(after.agents.find((a) => a.id === 'a-chenjing')!.load).toBe(chen.load + 1);
    await expect(call(core, 'routing.reroute', { id, toAgentId: 'a-liuyang' }, 'lead')).rejects.toThrow(/trainee/);
    await expect(call(core, 'routing.reroute', { id, toAgentId: 'a-lina' })).rejects.toThrow(/forbidden/);
  });
});

describe('the FAQ and the wrong-answer list', () => {
  it('a lead edits an entry (audited) and the bot answers with it; an agent marks an answer wrong; the lead reads the list', async () => {
    const { core } = await open();
    await asLead(core);
    const [entry] = await call<Output<'faq.list'>>(core, 'faq.list', { category: 'payment' }, 'lead');
    const target = (await call<Output<'faq.list'>>(core, 'faq.list', {}, 'lead')).find((e) => e.id === 'faq-pay-auto-renew')!;
    expect(entry.origin).toBe('builtin');
    const newAnswer = { 'zh-CN': '在“我-会员-自动续费”里关闭即可（新版路径）。', en: 'Me → Membership → Auto-renewal (new path).' };
    const saved = await call<Output<'faq.save'>>(core, 'faq.save', { id: target.id, category: target.category, questions: target.questions, answer: newAnswer }, 'lead');
    expect(saved).toMatchObject({ origin: 'edited', updatedBy: LEAD });
    expect([...core.store.all('audit').values()].some((a) => a.action === 'faq.save' && a.targetId === target.id)).toBe(true);
    await expect(call(core, 'faq.save', { id: target.id, category: target.category, questions: target.questions, answer: target.answer })).rejects.toThrow(/forbidden/);

    const customerId = customerOf(core, 'zh-CN', 'payment');
    const id = await start(core, customerId, 'payment', '怎么关闭自动续费');
    const answer = (await get(core, id)).messages.at(-1)!;
    expect(answer.body).toContain('新版路径');

    const fb = await call<Output<'bot.markWrong'>>(core, 'bot.markWrong', { messageId: answer.id, note: '路径不对' });
    expect(fb).toMatchObject({ faqId: 'faq-pay-auto-renew', agentId: 'a-lina', customerText: '怎么关闭自动续费', note: '路径不对' });
    expect(await call<Output<'bot.wrongAnswers'>>(core, 'bot.wrongAnswers', {}, 'lead')).toEqual([fb]);
    await expect(call(core, 'bot.wrongAnswers', {})).rejects.toThrow(/forbidden/);
    const customerMsg = (await get(core, id)).messages[0];
    await expect(call(core, 'bot.markWrong', { messageId: customerMsg.id })).rejects.toThrow(/not a bot/);

    await call(core, 'faq.delete', { id: 'faq-pay-auto-renew' }, 'lead');
    expect((await call<Output<'faq.list'>>(core, 'faq.list', {}, 'lead')).some((e) => e.id === 'faq-pay-auto-renew')).toBe(false);
  });
});
