import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { signInPreview } from '../../electron/core/identity/signInPreview';
import { openingTracker, pendingCore, type CoreGateway } from '../../electron/core/pendingCore';
import { IdentityGate } from '../../renderer/src/app/identity/IdentityGate';
import { DEMO_PINS } from '../../shared/schema';
import { coreSandbox } from '../unit/coreSandbox';
import { useCore } from './kefuWindow';
import { renderApp } from './render';

const box = coreSandbox('kefu-dom-preview-');

/**
 * A window in front of a core that is still opening, as the Electron main process and web mode set it up
 * (pendingCore over createCore, with the sign-in preview when `withPreview`): the open finishes when the test says.
 * The window's session is the one the core issues at sign-in, as the IPC binding and the web server keep it.
 */
async function openingWindow(withPreview: boolean) {
  const { core: first, dataDir } = await box.open();
  await first.store.compact();
  await first.close();
  let finish!: () => void;
  const released = new Promise<void>((r) => (finish = r));
  const progress = openingTracker();
  progress.update({ state: 'opening', step: 'reading', fraction: 0.42, bytes: 610_000_000 });
  const opening: Promise<CoreGateway> = released.then(async () => (await box.open(dataDir)).core.raw);
  const gateway = pendingCore(opening, progress.get, withPreview ? () => signInPreview(dataDir) : undefined);
  let session: string | null = null;
  const windowCore = {
    call: (name: string, input: unknown) => gateway.call(name, input, session, { issued: (id) => (session = id) }),
    subscribe: gateway.subscribe,
  };
  useCore(windowCore as unknown as Core, 'unused');
  renderApp(<IdentityGate>{(agent) => <p>workspace of {agent.name}</p>}</IdentityGate>);
  return { finish };
}

describe('signing in while the store opens', () => {
  it('shows the sign-in screen before the open is done; a sign-in made then goes through once it is', async () => {
    const { finish } = await openingWindow(true);
    const lina = await screen.findByRole('radio', { name: /^林娜 · / });
    expect(screen.getByRole('status').textContent).toBe('The store is still opening (Reading the store (610 MB): 42 %): you can sign in now, your work follows when it is ready.');
    fireEvent.click(lina);
    fireEvent.change(screen.getByLabelText('PIN or password'), { target: { value: DEMO_PINS.agent } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: /Signing in/ })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/^workspace of/)).toBeNull();
    finish();
    expect(await screen.findByText('workspace of 林娜', undefined, { timeout: 10_000 })).toBeTruthy();
  });

  it('a screen left open is refreshed from the opened store: the still-opening line goes', async () => {
    const { finish } = await openingWindow(true);
    await screen.findByRole('radio', { name: /^林娜 · / });
    expect(screen.getByText(/still opening/)).toBeTruthy();
    finish();
    await waitFor(() => expect(screen.queryByText(/still opening/)).toBeNull(), { timeout: 10_000 });
    expect(screen.getByRole('radio', { name: /^林娜 · / })).toBeTruthy();
  });

  it('without a preview the window shows the opening progress until the store is open', async () => {
    const { finish } = await openingWindow(false);
    expect(await screen.findByRole('progressbar', { name: 'Opening the store' })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('radio', { name: /^林娜 · / })).toBeNull();
    finish();
    expect(await screen.findByRole('radio', { name: /^林娜 · / }, { timeout: 10_000 })).toBeTruthy();
  });
});
