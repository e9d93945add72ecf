import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import type { Settings } from '../../shared/schema/settings';
import { WeightsTab } from '../../renderer/src/panes/performance/WeightsTab';
import { renderApp } from './render';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-perf-weights-');

describe('the lead’s weights and targets', () => {
  it('shows the core’s refusal under the field it is about, and saves a valid change (the SLA numbers untouched)', async () => {
    const { core } = await dom.open(LEAD_ID);
    const before = await dom.sandbox.call<Settings>(core, 'settings.get', {});
    const user = userEvent.setup();
    renderApp(<WeightsTab />);
    const csat = await screen.findByRole('spinbutton', { name: 'Customer satisfaction (CSAT)' });
    await user.clear(csat);
    await user.type(csat, '500');
    await user.click(screen.getByRole('button', { name: 'Save weights and targets' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/CSAT weight/);
    expect(csat.getAttribute('aria-invalid')).toBe('true');
    expect((await dom.sandbox.call<Settings>(core, 'settings.get', {})).performance.weights.csat).toBe(before.performance.weights.csat);

    await user.clear(csat);
    await user.type(csat, '40');
    const minRatings = screen.getByRole('spinbutton', { name: 'Ratings needed for CSAT to count' });
    await user.clear(minRatings);
    await user.type(minRatings, '8');
    await user.click(screen.getByRole('button', { name: 'Save weights and targets' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved. Scores use the new weights and targets.');
    const after = await dom.sandbox.call<Settings>(core, 'settings.get', {});
    expect(after.performance).toEqual({ ...before.performance, weights: { ...before.performance.weights, csat: 40 }, minRatings: 8 });
    expect(after.slaHours).toEqual(before.slaHours);
  });
});
