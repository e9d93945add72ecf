import { Popover, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './CannedPicker.module.css';
import type { CannedPickerState } from './useCannedPicker';

/**
 * The `/` picker of the reply box: a listbox in a popover above the textarea (`children`), driven from the
 * textarea, combobox-style (useCannedPicker handles the keys); then the warning that lists placeholders still in
 * the draft. Options keep the textarea focused (mousedown is prevented) so a click inserts like Enter does.
 */
export function CannedPicker({ picker, children }: { picker: CannedPickerState; children: ReactNode }) {
  const { t } = useTranslation();
  const activeRef = useRef<HTMLLIElement | null>(null);
  // Braces matter: newer Chromium returns a promise from scrollIntoView, and an effect must return a function or nothing.
  useEffect(() => {
    activeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [picker.active, picker.open]);

  return (
    <>
      {/* The textarea owns the combobox roles (aria-controls/activedescendant), so the popover adds none of its own;
          Escape, blur and the caret close it (useCannedPicker), never a click elsewhere on its own. */}
      <Popover opened={picker.open} position="top-start" width="target" withRoles={false} trapFocus={false} returnFocus={false} closeOnEscape={false} closeOnClickOutside={false} shadow="md">
        <Popover.Target>
          <div>{children}</div>
        </Popover.Target>
        <Popover.Dropdown p={4} className={classes.dropdown}>
          <ul id={picker.listId} role="listbox" aria-label={t('canned.picker')} className={classes.list}>
            {picker.options.map((o, i) => (
              <li
                key={o.reply.id}
                id={picker.optionId(i)}
                ref={i === picker.active ? activeRef : undefined}
                role="option"
                aria-selected={i === picker.active}
                className={classes.option}
                data-active={i === picker.active || undefined}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => picker.setActive(i)}
                onClick={() => picker.insert(o.reply)}
              >
                <span className={classes.title}>
                  {o.suggested && <span className={classes.suggested}>{t('canned.suggested')}</span>}
                  {o.reply.title}
                  {o.reply.shortcut && <span className={classes.shortcut}>/{o.reply.shortcut}</span>}
                </span>
                <span className={classes.body}>{o.reply.body}</span>
              </li>
            ))}
          </ul>
          {picker.options.length === 0 && (
            <Text size="xs" c="dimmed" m="xs">
              {picker.query ? t('canned.noMatch', { query: picker.query }) : t('canned.empty')}
            </Text>
          )}
          <Text size="xs" c="dimmed" mx="xs" mb={4}>
            {t('canned.hint')}
          </Text>
        </Popover.Dropdown>
      </Popover>
      {picker.problems.length > 0 && (
        <div className={classes.problems} role="alert">
          {t('canned.placeholders.title')}{' '}
          {picker.problems.map((p) => (
            <UnstyledButton
              key={`${p.start}-${p.name}`}
              className={classes.problem}
              aria-label={t('canned.placeholders.select', { name: `{{${p.name}}}` })}
              onClick={() => picker.selectProblem(p)}
            >
              <mark className={classes.mark}>{`{{${p.name}}}`}</mark> {t(`canned.placeholders.${p.kind}`)}
            </UnstyledButton>
          ))}
        </div>
      )}
    </>
  );
}
