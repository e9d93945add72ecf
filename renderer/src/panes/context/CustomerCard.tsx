import { Badge, Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { useSession } from '../../app/session';
import { CustomerDataActions } from '../data/CustomerDataActions';
import classes from './context.module.css';

/** Tier, language, how often they contacted us, what they rated, open complaints. */
export function CustomerCard({ history: h }: { history: Output<'customer.history'> }) {
  const { t } = useTranslation();
  const { customer } = h;
  const lead = useSession().agent.role === 'lead';
  return (
    <Paper component="section" withBorder radius="md" p="sm" m="sm" className={classes.card} aria-label={t('context.card')}>
      <Title order={2} size="h2" mb="xs">
        {customer.name}
      </Title>
      <dl className={classes.facts}>
        <dt>{t('context.tier')}</dt>
        <dd>{customer.tier === 'vip' ? <Badge size="sm" radius="sm" className={classes.vip}>{t('tier.vip')}</Badge> : t(`tier.${customer.tier}`)}</dd>
        <dt>{t('context.locale')}</dt>
        <dd>{t(`app.languages.${customer.locale}`)}</dd>
        <dt>{t('context.conversations')}</dt>
        <dd>{h.conversations.length}</dd>
        <dt>{t('context.contacts')}</dt>
        <dd>{h.contactCount}</dd>
        <dt>{t('context.ratings')}</dt>
        <dd>{h.ratingsGiven === 0 ? t('context.noRatings') : t('context.ratingsValue', { count: h.ratingsGiven, average: h.averageRating })}</dd>
        <dt>{t('context.openComplaints')}</dt>
        <dd className={h.openComplaints > 0 ? classes.warn : undefined}>{h.openComplaints}</dd>
      </dl>
      {lead && <CustomerDataActions key={customer.id} customer={customer} />}
    </Paper>
  );
}
