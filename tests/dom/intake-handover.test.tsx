import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import type { ConversationDetail } from '../../shared/contract/conversation';
import type { BotFeedback } from '../../shared/schema';
import { SessionProvider } from '../../renderer/src/app/session';
import { ConversationPane } from '../../renderer/src/panes/conversation/ConversationPane';
import { SANDBOX_NOW } from '../unit/coreSandbox';
import { renderApp } from './render';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-intake-');
const iso = (t: number) => new Date(t).toISOString();
const line = (e: unknown) => `${JSON.stringify(e)}\n`;

describe('what an agent sees of a conversation the bot handed over', () => {
  it('says where routing sent it and why, the bot’s guess and the hand-over reason, and lets the agent mark an answer wrong', async () => {
    const { core, dataDir } = await dom.open();
    await dom.sandbox.call(core, 'prefs.setLocale', { locale: 'en' });
    await dom.sandbox.call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    // A new payment customer writes through the spool; the bot answers; they ask for a person.
    const spool = path.join(dataDir, 'spool');
    mkdirSync(spool, { recursive: true });
    const t0 = SANDBOX_NOW - 600_000;
    writeFileSync(
      path.join(spool, '0001.jsonl'),
      line({ id: 'e1', at: iso(t0), type: 'conversation.new', conversationId: 'P-1', customer: { id: 'u-new-1', name: '周杰', tier: 'normal', locale: 'zh-CN' }, category: 'payment', subject: '付款失败', body: '我付款的时候一直提示支付失败，银行卡扣款没成功' }) +
        line({ id: 'e2', at: iso(t0 + 60_000), type: 'customer.message', conversationId: 'P-1', body: '转人工' }),
    );
    await dom.sandbox.call(core, 'spool.scan', {}, 'lead');
    const c = [...core.store.all('conversations').values()].find((x) => x.customerId === 'u-new-1')!;
    expect(c.handOver?.reason).toBe('asked_for_person');
    const view = await dom.sandbox.call<ConversationDetail>(core, 'conversation.get', { id: c.id });
    const answer = view.messages.find((m) => m.author === 'bot' && m.faqId !== undefined)!;
    expect(answer).toBeDefined();

    const user = userEvent.setup();
    renderApp(
      <SessionProvider fallback={null}>
        <ConversationPane conversationId={c.id} />
      </SessionProvider>,
    );
    const routing = await screen.findByRole('note', { name: 'Routing' });
    expect(routing.textContent).toMatch(new RegExp(`^Assigned to ${view.assignee!.name}: payment skill; speaks (中文|Chinese); load \\d+/\\d+`));
    const summary = screen.getByRole('region', { name: 'Hand-over summary' });
    const thread = () => screen.getByRole('list', { name: 'Messages' });
    expect(summary.textContent).toContain('The customer asked for a person.');
    expect(c.handOver!.categoryGuess).toBe('payment');
    expect(summary.textContent).toContain(`The bot’s guessPayment (${Math.round(c.handOver!.confidence! * 100)}% sure)`);
    // The timeline says the hand-over and the routing in words, not as audit codes.
    expect(thread().textContent).toContain('The bot handed it to a person. The customer asked for a person.');
    expect(thread().textContent).toContain(`Routing gave it to ${view.assignee!.name}`);

    // The bot's turns are collapsed; once open, its FAQ answer carries the action, and says when it was recorded.
    await user.click(within(thread()).getByRole('button', { name: /The bot's turns before hand-over/ }));
    const firstLine = answer.body.split('\n')[0];
    const bubble = within(thread()).getByText((_, el) => el?.tagName === 'SPAN' && (el.textContent ?? '').startsWith(firstLine)).closest('li')!;
    await user.click(within(bubble).getByRole('button', { name: 'Mark as wrong' }));
    expect((await within(bubble).findByRole('status')).textContent).toBe('Marked as wrong: the team lead will review it.');
    const wrong = await dom.sandbox.call<BotFeedback[]>(core, 'bot.wrongAnswers', {}, 'lead');
    expect(wrong.map((w) => w.messageId)).toEqual([answer.id]);
  });
});
