import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './performance.module.css';

const METRICS = ['handled', 'firstResponse', 'nextReply', 'resolution', 'slaCompliance', 'csat', 'complaints', 'reopen', 'botHandovers', 'training'] as const;

/** What each figure and the score mean (the same definitions as docs/rules.md "Performance"). */
export function HelpSection() {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="performance-help">
      <Title order={3} size="h4" id="performance-help">
        {t('performance.help.title')}
      </Title>
      <Text size="sm">{t('performance.help.intro')}</Text>
      <Text size="sm">{t('performance.help.score')}</Text>
      <dl className={classes.dl}>
        {METRICS.map((m) => [
          <dt key={`${m}-t`}>
            <Text size="sm" fw={600} component="span">
              {t(`performance.columns.${m}`)}
            </Text>
          </dt>,
          <dd key={`${m}-d`}>
            <Text size="sm">{t(`performance.help.metrics.${m}`)}</Text>
          </dd>,
        ])}
      </dl>
    </Stack>
  );
}
