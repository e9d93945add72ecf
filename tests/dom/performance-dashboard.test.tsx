import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ScoresTab } from '../../renderer/src/panes/performance/ScoresTab';
import { agentScore, comp, row, stubKefu } from './performanceStub';
import { renderApp } from './render';

const MIN = 60_000;
const period = { from: '2026-10-26', to: '2026-11-24' };

// Four agents: two with full data, one with too few ratings for CSAT (a 5.0 from 2 ratings), one with nothing.
const lina = agentScore(
  'a-lina',
  'Lina',
  { handled: 50, firstResponseMedianMs: 10 * MIN, firstResponseP90Ms: 40 * MIN, slaCompliancePct: 98, slaReplies: 120, ratings: 20, csatAverage: 4.8, csatPositivePct: 95, resolved: 40, reopened: 1, reopenRatePct: 2.5 },
  [comp('firstResponse', 10, 30, 100, 20), comp('resolution', 30, 24, 75, 15), comp('slaCompliance', 98, 95, 100, 25), comp('csat', 4.8, 4.5, 100, 25), comp('complaints', 0, 1, 100, 10), comp('reopen', 2.5, 5, 100, 5)],
  96.25,
);
const wang = agentScore(
  'a-wang',
  'Wang',
  { handled: 40, firstResponseMedianMs: 45 * MIN, slaCompliancePct: 80, slaReplies: 90, ratings: 12, csatAverage: 3.9, csatPositivePct: 60 },
  [comp('firstResponse', 45, 30, 50, 20), comp('csat', 3.9, 4.5, 83, 25)],
  68,
);
const newbie = agentScore(
  'a-new',
  'Newbie',
  { handled: 12, firstResponseMedianMs: 20 * MIN, ratings: 2, csatAverage: 5, csatPositivePct: 100 },
  [comp('firstResponse', 20, 30, 100, 20), comp('csat', 5, 4.5, null, 25, { have: 2, need: 5 })],
  100,
);
const idle = agentScore(
  'a-idle',
  'Idle',
  {},
  [comp('firstResponse', null, 30, null, 20, { have: 0, need: 10 }), comp('csat', null, 4.5, null, 25, { have: 0, need: 5 })],
  null,
);
const AGENTS = [wang, idle, lina, newbie];

function open() {
  const onOpen = vi.fn();
  const calls = stubKefu({
    'performance.scores': () => ({ ...period, agents: AGENTS }),
    'performance.drill': () => ({ rows: [row('c-1', 'Refund not received', { rating: 5 }), row('c-2', 'Card charged twice', { rating: 2 })] }),
  });
  renderApp(<ScoresTab period={period} onOpen={onOpen} />);
  return { calls, onOpen };
}

const table = () => screen.getByRole('table', { name: 'Scores by agent' });
const agentOrder = () =>
  within(table())
    .getAllByRole('rowheader')
    .map((h) => h.textContent);
const header = (name: string) => within(table()).getByRole('button', { name }).closest('th')!;

describe('the lead’s performance table', () => {
  it('sorts by any column, best first on the first click, with "not enough data" last in both directions', async () => {
    open();
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Scores by agent' });
    // Score, best first; Idle has no score at all and stays last.
    expect(agentOrder()).toEqual(['Newbie', 'Lina', 'Wang', 'Idle']);
    expect(header('Score').getAttribute('aria-sort')).toBe('descending');
    expect(header('CSAT').getAttribute('aria-sort')).toBe('none');

    await user.click(within(table()).getByRole('button', { name: 'CSAT' }));
    expect(header('CSAT').getAttribute('aria-sort')).toBe('descending');
    expect(header('Score').getAttribute('aria-sort')).toBe('none');
    // Newbie's 5.0 rests on 2 ratings out of the 5 needed: not ranked above Lina's 4.8 from 20.
    expect(agentOrder()).toEqual(['Lina', 'Wang', 'Idle', 'Newbie']);
    await user.click(within(table()).getByRole('button', { name: 'CSAT' }));
    expect(header('CSAT').getAttribute('aria-sort')).toBe('ascending');
    expect(agentOrder()).toEqual(['Wang', 'Lina', 'Idle', 'Newbie']);

    // Lower is better for times: the first click puts the fastest first.
    await user.click(within(table()).getByRole('button', { name: 'First response' }));
    expect(header('First response').getAttribute('aria-sort')).toBe('ascending');
    expect(agentOrder()).toEqual(['Lina', 'Newbie', 'Wang', 'Idle']);
    await user.click(within(table()).getByRole('button', { name: 'Agent' }));
    expect(agentOrder()).toEqual(['Idle', 'Lina', 'Newbie', 'Wang']);
  });

  it('shows too little data as "not enough data", with how much there is, never as 0', async () => {
    open();
    await screen.findByRole('table', { name: 'Scores by agent' });
    const rowOf = (name: string) => within(table()).getByRole('rowheader', { name }).closest('tr')!;
    const newbieCsat = within(rowOf('Newbie')).getByRole('button', { name: /^Newbie, CSAT:/ });
    expect(newbieCsat.textContent).toBe('Not enough data2 of 5 ratings');
    expect(newbieCsat.getAttribute('aria-label')).toBe('Newbie, CSAT: Not enough data. Show the conversations');
    const idleRow = rowOf('Idle');
    expect(within(idleRow).getByRole('button', { name: /^Idle, Score:/ }).textContent).toBe('Not enough data');
    expect(within(idleRow).getByRole('button', { name: /^Idle, First response:/ }).textContent).toBe('Not enough data0 of 10 conversations');
    // Figures the score does not use read "No data" when there is nothing to measure; counts stay counts.
    expect(within(idleRow).getByRole('button', { name: /^Idle, Next reply:/ }).textContent).toBe('No data');
    expect(within(idleRow).getByRole('button', { name: /^Idle, Handled:/ }).textContent).toBe('0');
    for (const cell of within(idleRow).getAllByRole('cell')) expect(cell.textContent).not.toMatch(/^0%|^0\.0|^0 minutes/);
    // Full data reads as figures.
    expect(within(rowOf('Lina')).getByRole('button', { name: /^Lina, CSAT:/ }).textContent).toBe('4.820 ratings, 95% 4–5');
    expect(within(rowOf('Lina')).getByRole('button', { name: /^Lina, First response:/ }).textContent).toBe('10 minutesp90 40 minutes');
  });

  it('explains a score: each component with value, target, weight, what it earns, and points adding up to the score', async () => {
    open();
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Scores by agent' });
    await user.click(screen.getByRole('button', { name: 'Lina, Score: 96. Explain the score' }));
    const section = screen.getByRole('region', { name: 'Lina: score 96' });
    expect(document.activeElement).toBe(within(section).getByRole('heading', { name: 'Lina: score 96' }));
    const line = (name: string) =>
      within(section)
        .getByRole('rowheader', { name })
        .closest('tr')!
        .querySelectorAll('td');
    const resolution = line('Resolution time');
    expect([...resolution].map((c) => c.textContent)).toEqual([
      '1 day 6 hours',
      'at most 1 day 0 hours',
      '15 (15% of the score)',
      '75',
      '1 day 6 hours against a target of at most 1 day 0 hours: earns 75 of 100, adding 11.3 points.',
    ]);
    // The points of every component add up to the score (96.25).
    const points = [...section.querySelectorAll('tbody tr')].map((tr) => Number(/adding ([\d.]+) points/.exec(tr.textContent ?? '')?.[1] ?? 0));
    expect(points.reduce((a, b) => a + b, 0)).toBeCloseTo(96.25, 0);

    // An agent with too few ratings: CSAT is left out and says why.
    await user.click(screen.getByRole('button', { name: 'Newbie, Score: 100. Explain the score' }));
    const newbieSection = screen.getByRole('region', { name: 'Newbie: score 100' });
    expect(within(newbieSection).getByRole('rowheader', { name: 'Customer satisfaction (CSAT)' }).closest('tr')!.textContent).toContain('Not enough data: 2 of the 5 ratings needed. Left out of the score.');
    await user.click(screen.getByRole('button', { name: 'Idle, Score: Not enough data. Explain the score' }));
    expect(screen.getByRole('region', { name: 'Idle: not enough data for a score' }).textContent).toContain('this is not a low score');
  });

  it('drills from a figure into the conversations behind it, each opening in the workspace', async () => {
    const { calls, onOpen } = open();
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Scores by agent' });
    await user.click(screen.getByRole('button', { name: /^Lina, CSAT: 4\.8/ }));
    const panel = await screen.findByRole('region', { name: 'Lina: CSAT, 2026-10-26 to 2026-11-24' });
    expect(calls.filter((c) => c.name === 'performance.drill').map((c) => c.input)).toEqual([{ ...period, agentId: 'a-lina', metric: 'csat' }]);
    const list = await within(panel).findByRole('table', { name: 'Conversations behind the figure' });
    expect(within(list).getAllByRole('row')).toHaveLength(3);
    expect(list.textContent).toContain('2 of 5');
    await user.click(within(list).getByRole('button', { name: 'Open Card charged twice (c-2)' }));
    expect(onOpen).toHaveBeenCalledWith('c-2');
    await user.click(within(panel).getByRole('button', { name: 'Close the list' }));
    expect(screen.queryByRole('region', { name: /^Lina: CSAT/ })).toBeNull();
  });
});
