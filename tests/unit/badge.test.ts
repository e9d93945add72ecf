import { describe, expect, it } from 'vitest';
import { createBadgeUpdater, titleWith, type BadgeSink } from '../../electron/main/badge';

function sink(supported: boolean) {
  const calls: { badge: number[]; titles: string[] } = { badge: [], titles: [] };
  const s: BadgeSink = {
    setBadgeCount: (n) => {
      calls.badge.push(n);
      return supported;
    },
    setTitle: (t) => calls.titles.push(t),
  };
  return { s, calls };
}

describe('the breached badge', () => {
  it('shows the breached count, and only when it changes', async () => {
    const { s, calls } = sink(true);
    let n = 3;
    const b = createBadgeUpdater(s, async () => n);
    await b.update();
    await b.update();
    n = 0;
    await b.update();
    expect(calls.badge).toEqual([3, 0]);
    expect(calls.titles).toEqual([]);
    expect(b.shown).toBe(0);
  });

  it('falls back to the window title where the platform has no badge', async () => {
    const { s, calls } = sink(false);
    const b = createBadgeUpdater(s, async () => 12, 'Kefu Desk');
    await b.update();
    expect(calls.titles).toEqual(['Kefu Desk (12)']);
    expect(titleWith('Kefu Desk', 0)).toBe('Kefu Desk');
  });

  it('keeps the last count when the core cannot answer, and coalesces a burst of updates', async () => {
    const { s, calls } = sink(true);
    let asked = 0;
    let fail = false;
    const b = createBadgeUpdater(s, async () => {
      asked++;
      await new Promise((r) => setTimeout(r, 1));
      if (fail) throw new Error('core closed');
      return asked;
    });
    await Promise.all([b.update(), b.update(), b.update(), b.update()]);
    expect(asked).toBe(2); // one run + one follow-up for the burst
    fail = true;
    await b.update();
    expect(b.shown).toBe(2);
    expect(calls.badge).toEqual([1, 2]);
  });
});
