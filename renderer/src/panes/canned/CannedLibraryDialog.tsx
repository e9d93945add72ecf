import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANNED_TOPIC, type CannedView } from '../../../../shared/contract/canned';
import { rankCanned } from '../../../../shared/rules/cannedRanking';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { Dialog } from '../../app/ui/Dialog';
import { CannedEditor } from './CannedEditor';
import { CannedTransfer } from './CannedTransfer';
import classes from './CannedLibrary.module.css';

const NO_CONTEXT = { category: null, locale: null, lastCustomerMessage: null };

/** The library manager: search, create, edit, delete (where allowed), import and export. */
export default function CannedLibraryDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const list = useCall('canned.list', {}, [CANNED_TOPIC]);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<CannedView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CannedView | null>(null);
  const replies = useMemo(() => {
    if (list.status !== 'ok') return [];
    return query.trim() ? rankCanned(list.value, query, NO_CONTEXT).map((r) => r.reply) : [...list.value].sort((a, b) => a.scope.localeCompare(b.scope) || a.title.localeCompare(b.title));
  }, [list, query]);

  return (
    <Dialog title={t('canned.library.title')} onClose={onClose} size="xl">
      <Stack gap="sm">
        <Group gap="sm">
          <TextInput
            type="search"
            size="xs"
            className={classes.search}
            aria-label={t('canned.library.search')}
            placeholder={t('canned.library.search')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          <Button size="xs" onClick={() => setEditing('new')}>
            {t('canned.library.new')}
          </Button>
        </Group>
        {editing && <CannedEditor key={editing === 'new' ? 'new' : editing.id} reply={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
        {list.status === 'error' && <ErrorText error={list.error} />}
        <ul className={classes.list} aria-label={t('canned.library.list')}>
          {replies.map((r) => (
            <li key={r.id} className={classes.item}>
              <div>
                <Text size="sm" fw={600} span>
                  {r.title}
                </Text>{' '}
                {r.shortcut && (
                  <Text size="xs" c="dimmed" span>
                    /{r.shortcut}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {t(`canned.scope.${r.scope}`)} · {t(`app.languages.${r.locale}`)}
                  {r.category && <> · {t(`category.${r.category}`)}</>} · {t('canned.library.usage', { count: r.usageCount })}
                  {!r.canManage && <> · {t('canned.library.readOnly')}</>}
                </Text>
              </div>
              {r.canManage && (
                <Group gap="xs" wrap="nowrap">
                  <Button variant="default" size="compact-xs" aria-label={t('canned.library.editLabel', { title: r.title })} onClick={() => setEditing(r)}>
                    {t('canned.library.edit')}
                  </Button>
                  {deleting?.id === r.id ? (
                    <>
                      <Button variant="light" color="red" size="compact-xs" aria-label={t('canned.library.confirmDeleteLabel', { title: r.title })} onClick={() => void api.call['canned.delete']({ id: r.id }).then(() => setDeleting(null))}>
                        {t('canned.library.confirmDeleteShort')}
                      </Button>
                      <Button variant="default" size="compact-xs" onClick={() => setDeleting(null)}>
                        {t('canned.library.cancel')}
                      </Button>
                    </>
                  ) : (
                    <Button variant="default" size="compact-xs" aria-label={t('canned.library.deleteLabel', { title: r.title })} onClick={() => setDeleting(r)}>
                      {t('canned.library.delete')}
                    </Button>
                  )}
                </Group>
              )}
            </li>
          ))}
        </ul>
        <CannedTransfer />
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={onClose}>
            {t('canned.library.close')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
