import { Kbd, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/ui/Dialog';
import { SHORTCUTS, WORKSPACE_SHORTCUTS } from './shortcuts';
import classes from './QueuePane.module.css';

const GROUPS = [
  { section: 'queue', shortcuts: SHORTCUTS },
  { section: 'workspace', shortcuts: WORKSPACE_SHORTCUTS },
] as const;

/**
 * The `?` sheet: every shortcut (the queue's, then the workspace's) with what it does, in the app's Dialog.
 * Loaded on demand (QueuePane imports it lazily): the first screen never shows it.
 */
export default function CheatSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('queue.help.title')} onClose={onClose} size="md">
      {GROUPS.map((g) => (
        <Table key={g.section} className={classes.shortcuts} verticalSpacing={4} captionSide="top">
          <Table.Caption className={classes.caption}>{t(`queue.help.sections.${g.section}`)}</Table.Caption>
          <Table.Tbody>
            {g.shortcuts.map((s) => (
              <Table.Tr key={`${s.action}`}>
                <Table.Td className={classes.keys}>
                  {s.keys.map((k) => (
                    <Kbd key={k} size="xs">
                      {k}
                    </Kbd>
                  ))}
                </Table.Td>
                <Table.Td>{t(`queue.help.actions.${s.action}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ))}
    </Dialog>
  );
}
