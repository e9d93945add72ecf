import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEAD_ID } from '../../electron/core/seed/demoAgents';
import type { SpoolStatus as Status } from '../../shared/contract/spool';
import { SpoolStatus, SpoolStatusView } from '../../renderer/src/app/intake/SpoolStatus';
import { SessionProvider } from '../../renderer/src/app/session';
import { SANDBOX_NOW } from '../unit/coreSandbox';
import { renderApp } from './render';
import { domCore } from './withCore';

const dom = domCore('kefu-dom-spool-');

const quiet: Status = { folder: '/x/spool', importing: false, bytesDone: 0, bytesTotal: 0, files: [], imported: 0, quarantined: 0, outboxPending: 0, lastError: null, lastScanAt: null };

describe('spool status indicator', () => {
  it('is absent while the spool is quiet and clean, and shows progress while a large file imports', () => {
    const { container } = renderApp(<SpoolStatusView s={quiet} />);
    expect(container.textContent).toBe('');
    const importing: Status = { ...quiet, importing: true, bytesDone: 2_500_000, bytesTotal: 10_000_000, files: [{ file: 'big.jsonl', bytesDone: 2_500_000, bytesTotal: 10_000_000, linesDone: 12_000 }] };
    renderApp(<SpoolStatusView s={importing} />);
    const group = screen.getByRole('group', { name: 'Spool import' });
    expect(within(group).getByRole('progressbar', { name: 'Spool import' }).getAttribute('aria-valuenow')).toBe('25');
    expect(within(group).getByRole('status').textContent).toBe('Importing 25% · 12,000 lines');
    expect(within(group).getByRole('status').getAttribute('title')).toBe('2.5 MB of 10 MB read, 12,000 lines imported');
  });

  it('counts the lines set aside once the import publishes, and lists them with file, line and reason', async () => {
    const { core, dataDir } = await dom.open();
    await dom.sandbox.call(core, 'prefs.setLocale', { locale: 'en' });
    await dom.sandbox.call(core, 'session.signIn', { agentId: LEAD_ID }, 'lead');
    const user = userEvent.setup();
    renderApp(
      <SessionProvider fallback={null}>
        <SpoolStatus />
      </SessionProvider>,
    );
    // Mounted before anything was imported: nothing to show yet.
    await expect.poll(() => screen.queryByRole('group', { name: 'Spool import' })).toBeNull();
    const spool = path.join(dataDir, 'spool');
    mkdirSync(spool, { recursive: true });
    const at = new Date(SANDBOX_NOW - 60_000).toISOString();
    const good = { id: 'g1', at, type: 'customer.profile', customerId: 'u-nobody', name: 'X' };
    writeFileSync(path.join(spool, '0001.jsonl'), `{"id": "broken", "at": \n${JSON.stringify(good)}\n`);
    await dom.sandbox.call(core, 'spool.scan', {}, 'lead');
    const button = await screen.findByRole('button', { name: '2 lines set aside' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Spool lines set aside' });
    const rows = within(within(dialog).getByRole('table', { name: 'Lines set aside' })).getAllByRole('row').slice(1);
    const cells = rows.map((r) => within(r).getAllByRole('cell').slice(0, 3).map((c) => c.textContent));
    expect(cells.map((c) => c[1]).sort()).toEqual(['1', '2']);
    expect(cells.every((c) => c[0] === '0001.jsonl')).toBe(true);
    const byLine = new Map(cells.map((c) => [c[1], c[2]]));
    expect(byLine.get('1')).toContain('Not valid JSON');
    expect(byLine.get('2')).toContain('A profile for a customer the desk does not know');
  });
});
