import { Badge, Button, Group, Notification, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../../shared/schema';
import { api } from '../../api/client';
import classes from './NoticeCenter.module.css';
import { noticeTitle } from './noticeTitle';

/** The bar colour by urgency; text keeps the theme's own (AA) colours. */
const COLOR: Record<Notice['kind'], string> = { at_risk: 'orange', breached: 'red', escalated: 'red', reminder: 'ink', complaint_severe: 'red', complaint_due_soon: 'orange', complaint_overdue: 'red' };

/** One notice: what happened (a group in words), late if it fell due while the app was closed, Open and Dismiss. */
export function NoticeItem({ notice: n, onOpen }: { notice: Notice; onOpen(conversationId: string): void }) {
  const { t } = useTranslation();
  const dismiss = () => void api.call['notices.dismiss']({ id: n.id });
  return (
    <Notification
      role="status"
      color={COLOR[n.kind]}
      withBorder
      className={classes.notice}
      title={
        <Group gap={6} wrap="nowrap" component="span" align="flex-start">
          <span>{noticeTitle(n, t)}</span>
          {n.late && (
            <Badge variant="dot" color="red" size="sm" tt="none" component="span" className={classes.late}>
              {t('notices.late')}
            </Badge>
          )}
        </Group>
      }
      onClose={dismiss}
      closeButtonProps={{ 'aria-label': t('notices.dismissLabel', { detail: n.detail }) }}
    >
      <Text size="sm" c="dimmed" truncate="end" title={n.detail}>
        {n.detail}
      </Text>
      {n.conversationId && (
        <Button
          size="compact-xs"
          variant="light"
          mt={4}
          aria-label={t('notices.openLabel', { detail: n.detail })}
          onClick={() => {
            if (n.conversationId) onOpen(n.conversationId);
            dismiss();
          }}
        >
          {t('notices.open')}
        </Button>
      )}
    </Notification>
  );
}
