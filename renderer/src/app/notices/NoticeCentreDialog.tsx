import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../../shared/schema';
import { Dialog } from '../ui/Dialog';
import { NoticeItem } from './NoticeItem';

/** The notice centre: every notice, the ones beyond the stack included, each with Open and Dismiss. */
export default function NoticeCentreDialog({ notices, onOpen, onClose }: { notices: Notice[]; onOpen(conversationId: string): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('notices.centre')} onClose={onClose} size="md">
      {notices.length === 0 ? (
        <Text c="dimmed">{t('notices.none')}</Text>
      ) : (
        <Stack gap="xs">
          {notices.map((n) => (
            <NoticeItem
              key={n.id}
              notice={n}
              onOpen={(id) => {
                onOpen(id);
                onClose();
              }}
            />
          ))}
        </Stack>
      )}
    </Dialog>
  );
}
