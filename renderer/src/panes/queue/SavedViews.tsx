import { ActionIcon, Button, Popover, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { QueueFilter, SavedView } from '../../../../shared/schema/savedView';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { useSession } from '../../app/session';
import { sameFilter } from './filterModel';
import { BookmarkIcon, TrashIcon } from './icons';
import classes from './QueueFilters.module.css';

/**
 * The agent's saved views behind one button: pick one to apply it, delete one, or save the current filters under a
 * new name. The button names the view in use, when the filters are exactly one of them.
 */
export function SavedViews({ filter, onChange }: { filter: QueueFilter; onChange(f: QueueFilter): void }) {
  const { t } = useTranslation();
  const { agent } = useSession();
  const views = useCall('views.list', {}, [`views:${agent.id}`]);
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const list: SavedView[] = views.status === 'ok' ? views.value : [];
  const current = list.find((v) => sameFilter(v.filter, filter));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call['views.save']({ name: name.trim(), filter });
    setError(r.ok ? null : r.error);
    if (r.ok) setName('');
    // The save button goes disabled with the name cleared: keep the focus in the popover (Esc must still close it).
    nameRef.current?.focus();
  };
  const remove = async (v: SavedView) => {
    const r = await api.call['views.delete']({ id: v.id });
    setError(r.ok ? null : r.error);
  };

  // hideDetached off: the bar never scrolls out of view, and the check misfires where nothing has a layout (DOM tests).
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus returnFocus width={280} hideDetached={false}>
      <Popover.Target>
        <Button size="compact-sm" variant={current ? 'light' : 'default'} leftSection={<BookmarkIcon />} onClick={() => setOpened((o) => !o)} classNames={{ label: classes.viewLabel }}>
          {current ? t('queue.views.buttonWith', { name: current.name }) : t('queue.views.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        {list.length === 0 ? (
          <Text size="xs" c="dimmed" mb="sm">
            {t('queue.views.empty')}
          </Text>
        ) : (
          <ul className={classes.views} aria-label={t('queue.views.label')}>
            {list.map((v) => (
              <li key={v.id} className={classes.view}>
                <Button
                  size="compact-sm"
                  variant={v === current ? 'light' : 'subtle'}
                  justify="flex-start"
                  className={classes.viewApply}
                  aria-current={v === current ? 'true' : undefined}
                  onClick={() => {
                    onChange(v.filter);
                    setOpened(false);
                  }}
                >
                  {v.name}
                </Button>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('queue.views.deleteLabel', { name: v.name })} onClick={() => void remove(v)}>
                  <TrashIcon />
                </ActionIcon>
              </li>
            ))}
          </ul>
        )}
        <form className={classes.saveView} onSubmit={(e) => void save(e)}>
          <TextInput ref={nameRef} size="xs" aria-label={t('queue.views.name')} placeholder={t('queue.views.name')} value={name} maxLength={60} onChange={(e) => setName(e.currentTarget.value)} className={classes.grow} />
          <Button type="submit" size="compact-sm" disabled={!name.trim()}>
            {t('queue.views.save')}
          </Button>
        </form>
        {error && <ErrorText error={error} />}
      </Popover.Dropdown>
    </Popover>
  );
}
