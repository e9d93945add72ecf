import { Button, Menu } from '@mantine/core';
import { Suspense, useState, type ReactNode } from 'react';

/** One item of a header menu: opens a dialog (code-split by its owner) or does something at once. */
export interface HeaderMenuEntry {
  /** Stable id of the entry (which dialog is open). */
  key: string;
  /** The item's visible text, which is also its accessible name. */
  label: string;
  /** A longer description, shown as the item's tooltip. */
  title?: string;
  /** The dialog the item opens, rendered in a Suspense boundary (the entry's own lazy import) until it closes. */
  dialog?(close: () => void): ReactNode;
  /** What the item does when it opens no dialog (the training home toggle). */
  onSelect?(): void;
}

const chevron = (
  <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d="M6 9l6 6 6-6" />
  </svg>
);

/**
 * A named header button with a menu of openers: the header holds one row at 1280 px, so tools used now and then share
 * one button instead of one each. Mantine's Menu gives role=menu/menuitem, arrow keys, Escape and focus return to the
 * button. The open dialog lives here, outside the dropdown, which unmounts as soon as an item is chosen.
 */
export function HeaderMenu({ label, title, entries, active = false }: { label: string; title: string; entries: (HeaderMenuEntry | null)[]; active?: boolean }) {
  const [openKey, setOpenKey] = useState<string | null>(null);
  const items = entries.filter((e): e is HeaderMenuEntry => e !== null);
  const open = items.find((e) => e.key === openKey);
  if (items.length === 0) return null;
  return (
    <>
      {/* No focus placeholder (a focusable non-item inside role=menu, flagged by axe): the first item takes focus on
          opening instead, as the WAI-ARIA menu button pattern has it. */}
      <Menu position="bottom-end" shadow="md" returnFocus withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button size="xs" variant={active ? 'light' : 'default'} title={title} rightSection={chevron}>
            {label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {items.map((e, i) => (
            <Menu.Item key={e.key} title={e.title} data-autofocus={i === 0 || undefined} onClick={() => (e.dialog ? setOpenKey(e.key) : e.onSelect?.())}>
              {e.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {open?.dialog && <Suspense fallback={null}>{open.dialog(() => setOpenKey(null))}</Suspense>}
    </>
  );
}
