import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { topic } from '../../shared/contract';
import { useCall, useChanges } from '../../renderer/src/api/hooks';
import { signOut } from '../../renderer/src/app/identity/signOut';
import { signInDemo } from '../unit/coreSandbox';
import { callCounts, holdCalls, useCore } from './kefuWindow';
import { renderApp } from './render';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-usecall-');

/** Shows the newest message of one conversation, as the conversation pane, context pane and canned picker read it. */
function Reader({ name, id }: { name: string; id: string }) {
  const view = useCall('conversation.get', { id }, [topic.conversation(id)]);
  const last = view.status === 'ok' ? view.value.messages.at(-1)?.body : view.status;
  return (
    <section aria-label={name}>
      <p>{last}</p>
    </section>
  );
}

/** Counts change events naming `t`: once it has seen one, the cache's own listener has seen it too. */
function Witness({ t }: { t: string }) {
  const [seen, setSeen] = useState(0);
  useChanges(
    (x) => x === t,
    () => setSeen((n) => n + 1),
  );
  return <p aria-label="events seen">{seen}</p>;
}

const newest = (name: string) => within(screen.getByRole('region', { name })).getByRole('paragraph').textContent;
const calls = (name: string) => callCounts.get(name) ?? 0;
/** Long enough for a refetch the test does not expect to have been started and answered. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 150)));

/** Two open conversations of the demo that the default agent can read. */
async function twoConversations(call: (name: string, input: unknown) => Promise<unknown>) {
  const page = (await call('queue.page', { offset: 0, limit: 20 })) as { items: { id: string; customerId: string }[] };
  const [a, b] = page.items;
  if (!a || !b) throw new Error('the demo queue has fewer than two conversations');
  return { a, b };
}

describe('useCall: one cache keyed by call and input', () => {
  it('fetches a conversation once for three readers, refetches it once on its change, not on another', async () => {
    const { core } = await dom.open();
    const { a, b } = await twoConversations((n, i) => dom.sandbox.call(core, n, i));
    renderApp(
      <>
        <Reader name="conversation pane" id={a.id} />
        <Reader name="context pane" id={a.id} />
        <Reader name="canned picker" id={a.id} />
        <Witness t={topic.conversation(b.id)} />
      </>,
    );
    const readers = ['conversation pane', 'context pane', 'canned picker'];
    await expect.poll(() => readers.map(newest).every((t) => t && t !== 'loading')).toBe(true);
    await settle();
    expect(calls('conversation.get')).toBe(1);

    await act(() => dom.sandbox.call(core, 'sim.customerMessage', { customerId: a.customerId, conversationId: a.id, body: '包裹还没到，请帮我查一下' }));
    await expect.poll(() => readers.map(newest)).toEqual(readers.map(() => '包裹还没到，请帮我查一下'));
    await settle();
    expect(calls('conversation.get')).toBe(2);

    await act(() => dom.sandbox.call(core, 'sim.customerMessage', { customerId: b.customerId, conversationId: b.id, body: 'another conversation' }));
    await expect.poll(() => screen.getByLabelText('events seen').textContent).toBe('1');
    await settle();
    expect(calls('conversation.get')).toBe(2);
  });

  it('keys by input: two conversations are two queries, each with its own answer', async () => {
    const { core } = await dom.open();
    const { a, b } = await twoConversations((n, i) => dom.sandbox.call(core, n, i));
    await dom.sandbox.call(core, 'sim.customerMessage', { customerId: a.customerId, conversationId: a.id, body: 'first' });
    await dom.sandbox.call(core, 'sim.customerMessage', { customerId: b.customerId, conversationId: b.id, body: 'second' });
    renderApp(
      <>
        <Reader name="one" id={a.id} />
        <Reader name="two" id={b.id} />
      </>,
    );
    await expect.poll(() => [newest('one'), newest('two')]).toEqual(['first', 'second']);
    expect(calls('conversation.get')).toBe(2);
  });

  it('shows nothing of the previous profile after sign-out and sign-in as another', async () => {
    const { core } = await dom.open();
    function Who() {
      const s = useCall('session.get', {}, [topic.session]);
      return <p aria-label="signed in as">{s.status === 'ok' ? s.value.agent.name : s.status}</p>;
    }
    function Gate({ showWho }: { showWho: boolean }) {
      // Stays mounted like the identity gate, so the cache keeps listening while Who is away.
      const status = useCall('session.status', {}, [topic.session]);
      return (
        <>
          <p aria-label="state">{status.status === 'ok' ? status.value.state : status.status}</p>
          {showWho && <Who />}
        </>
      );
    }
    const { rerender } = renderApp(<Gate showWho />);
    await expect.poll(() => screen.getByLabelText('signed in as').textContent).toBe('林娜');
    rerender(<Gate showWho={false} />);

    await act(() => signOut());
    await expect.poll(() => screen.getByLabelText('state').textContent).toBe('signed_out');
    useCore(core.raw, await signInDemo(core.raw, 'a-james'));
    rerender(<Gate showWho />);
    // Straight from the first render: not the previous profile's cached name, even for a moment.
    expect(screen.getByLabelText('signed in as').textContent).toBe('loading');
    await expect.poll(() => screen.getByLabelText('signed in as').textContent).toBe('James Miller');
  });

  it('reload() refetches; a null input is a disabled query that stays loading', async () => {
    await dom.open();
    let reload = () => {};
    function Settings({ on }: { on: boolean }) {
      const s = useCall('settings.get', on ? {} : null, ['settings']);
      reload = s.reload;
      return <p aria-label="settings">{s.status}</p>;
    }
    const { rerender } = renderApp(<Settings on={false} />);
    await settle();
    expect(screen.getByLabelText('settings').textContent).toBe('loading');
    act(() => reload());
    await settle();
    expect(calls('settings.get')).toBe(0);
    rerender(<Settings on />);
    await expect.poll(() => screen.getByLabelText('settings').textContent).toBe('ok');
    act(() => reload());
    await expect.poll(() => calls('settings.get')).toBe(2);
  });

  it('changes faster than the core answers: the answer in flight lands, and one more fetch follows it', async () => {
    const { core } = await dom.open();
    const { a } = await twoConversations((n, i) => dom.sandbox.call(core, n, i));
    renderApp(<Reader name="conversation pane" id={a.id} />);
    await expect.poll(() => newest('conversation pane')).not.toBe('loading');
    expect(calls('conversation.get')).toBe(1);

    const slow = holdCalls(['conversation.get']);
    try {
      const write = (body: string) => act(() => dom.sandbox.call(core, 'sim.customerMessage', { customerId: a.customerId, conversationId: a.id, body }));
      await write('第一条');
      await expect.poll(() => slow.waiting()).toBe(1);
      // Two more changes while that fetch is out: it is not cancelled and replaced by a fetch per change (which,
      // with changes arriving faster than answers, never lands: a spool import's batches starved the views so).
      await write('第二条');
      await write('third');
      await settle();
      expect(calls('conversation.get')).toBe(2);

      slow.release(1); // the fetch in flight answers (the core's state now: all three messages)
      await expect.poll(() => newest('conversation pane')).toBe('third');
      await expect.poll(() => slow.waiting()).toBe(1); // and exactly one follow-up, since that answer may be older than the changes
      expect(calls('conversation.get')).toBe(3);
      slow.release();
      await settle();
      expect(calls('conversation.get')).toBe(3);
    } finally {
      slow.stop();
    }
  });
});
