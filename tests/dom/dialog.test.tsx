import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Dialog } from '../../renderer/src/app/ui/Dialog';
import { renderApp } from './render';

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        open
      </button>
      {open && (
        <Dialog title="Settings" onClose={() => setOpen(false)}>
          <input aria-label="first field" />
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('is named by its title, closes on Esc and gives focus back to its opener', async () => {
    const user = userEvent.setup();
    renderApp(<Opener />);
    const opener = screen.getByRole('button', { name: 'open' });
    await user.click(opener);
    expect(await screen.findByRole('dialog', { name: 'Settings' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await expect.poll(() => screen.queryByRole('dialog')).toBeNull();
    await expect.poll(() => document.activeElement).toBe(opener);
  });
  it('has a named close button', async () => {
    const user = userEvent.setup();
    renderApp(<Opener />);
    await user.click(screen.getByRole('button', { name: 'open' }));
    await user.click(await screen.findByRole('button', { name: 'Close' }));
    await expect.poll(() => screen.queryByRole('dialog')).toBeNull();
  });
});
