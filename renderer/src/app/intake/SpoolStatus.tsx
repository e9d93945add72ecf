import { Badge, Button, Group, Progress, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { topic } from '../../../../shared/contract';
import type { SpoolStatus as Status } from '../../../../shared/contract/spool';
import { can } from '../../../../shared/contract/permissions';
import { useCall } from '../../api/hooks';
import { useSession } from '../session';
import { formatBytes } from './bytes';
import classes from './SpoolStatus.module.css';

const QuarantineDialog = lazy(() => import('./QuarantineDialog'));

/**
 * The spool at a glance, for everyone on a live role: progress while a file imports (refreshed by the `spool`
 * topic, published once per import batch), the count of lines set aside (opens their list), and a stopped import.
 * Nothing at all while the spool is quiet and clean, so the header stays as it was.
 */
export function SpoolStatus() {
  const { agent } = useSession();
  const allowed = can(agent.role, 'spool.status');
  const status = useCall('spool.status', allowed ? {} : null, [topic.spool]);
  return status.status === 'ok' ? <SpoolStatusView s={status.value} /> : null;
}

/** The indicator for one `spool.status` reading (separate so each state can be shown and tested as it is). */
export function SpoolStatusView({ s }: { s: Status }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const lines = s.files.reduce((n, f) => n + f.linesDone, 0);
  const showProgress = s.importing && s.bytesTotal > 0 && s.bytesDone < s.bytesTotal;
  if (!showProgress && s.quarantined === 0 && s.lastError === null) return null;
  const percent = s.bytesTotal > 0 ? Math.floor((s.bytesDone / s.bytesTotal) * 100) : 0;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Group gap={6} wrap="nowrap" role="group" aria-label={t('intake.status')}>
      {showProgress && (
        <Group gap={6} wrap="nowrap" role="status" title={t('intake.progress', { done: formatBytes(s.bytesDone, i18n.language), total: formatBytes(s.bytesTotal, i18n.language), lines: number.format(lines) })}>
          <Progress value={percent} size="sm" className={classes.bar} aria-label={t('intake.status')} />
          <Text size="xs" className={classes.nowrap}>
            {t('intake.importing', { percent, lines: number.format(lines) })}
          </Text>
        </Group>
      )}
      {s.lastError !== null && (
        <Badge variant="outline" size="sm" tt="none" className={classes.failed} title={t('intake.failedDetail', { message: s.lastError })}>
          {t('intake.failed')}
        </Badge>
      )}
      {s.quarantined > 0 && (
        <Button size="xs" variant="default" className={classes.warn} onClick={() => setOpen(true)}>
          {t('intake.quarantined', { count: s.quarantined })}
        </Button>
      )}
      {open && (
        <Suspense fallback={null}>
          <QuarantineDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </Group>
  );
}
