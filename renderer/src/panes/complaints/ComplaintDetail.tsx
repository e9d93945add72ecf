import { Anchor, Badge, Button, Group, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Input } from '../../../../shared/contract';
import type { ComplaintStep, ComplaintView } from '../../../../shared/contract/complaints';
import type { ComplaintSubject } from '../../../../shared/schema/complaint';
import type { Severity } from '../../../../shared/schema/conversation';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import classes from './complaints.module.css';
import { DeadlineWords } from './deadlineWords';

const SUBJECTS: ComplaintSubject[] = ['attitude', 'unsolved', 'other'];
type Person = { id: string; name: string };

/**
 * One complaint for a lead: its deadline, the severity with the text's suggestion and signals (confirm or change),
 * the status steps, handler / subject / agent it is about, the result and upheld, and its audited history. Each
 * action is one call the core checks and audits; a refusal is said in words.
 */
export function ComplaintDetail({ id, handlers, onOpen }: { id: string; handlers: Person[]; onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  const got = useCall('complaints.get', { id }, ['complaints', 'clock']);
  if (got.status === 'error') return <ErrorText error={got.error} />;
  if (got.status !== 'ok') return null;
  // Keyed by complaint, so the form starts from the chosen complaint's values.
  return <Loaded key={id} c={got.value.complaint} steps={got.value.steps} handlers={handlers} onOpen={onOpen} t={t} />;
}

function Loaded({ c, steps, handlers, onOpen, t }: { c: ComplaintView; steps: ComplaintStep[]; handlers: Person[]; onOpen?(id: string): void; t: ReturnType<typeof useTranslation>['t'] }) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState(c.result);
  const [upheld, setUpheld] = useState<'' | 'yes' | 'no'>(c.upheld === null ? '' : c.upheld ? 'yes' : 'no');
  const [handlerId, setHandler] = useState(c.handlerId ?? '');
  const [aboutAgentId, setAbout] = useState(c.aboutAgentId ?? '');
  const [subject, setSubject] = useState<ComplaintSubject>(c.subject);
  // A change from elsewhere (another lead, the ticker) refreshes the saved values, not what is being typed.
  useEffect(() => {
    setHandler(c.handlerId ?? '');
    setAbout(c.aboutAgentId ?? '');
    setSubject(c.subject);
  }, [c.handlerId, c.aboutAgentId, c.subject]);

  const closed = c.status === 'closed';
  const run = async (call: () => Promise<{ ok: boolean; error?: ContractError }>) => {
    setBusy(true);
    const r = await call();
    setBusy(false);
    setError(r.ok ? null : (r.error ?? null));
  };
  const update = (input: Omit<Input<'complaints.update'>, 'id'>) => run(() => api.call['complaints.update']({ id: c.id, ...input }));
  const setSeverity = (severity: Severity) => run(() => api.call['complaints.setSeverity']({ id: c.id, severity }));
  const confirmedBy = c.severityConfirmedBy ? (handlers.find((h) => h.id === c.severityConfirmedBy)?.name ?? c.severityConfirmedBy) : null;
  const suggestedSevere = c.suggestedSeverity === 'severe';

  return (
    <Stack gap="sm" role="region" aria-label={t('complaints.detail.region', { name: c.customerName })}>
      <div>
        <Title order={3} size="h4">
          {c.customerName} · {c.conversationSubject}
        </Title>
        <Text size="sm" c="dimmed">
          {t('complaints.detail.opened', { at: formatTime(c.openedAt, locale) })} · <DeadlineWords c={c} t={t} locale={locale} />
        </Text>
        {onOpen && (
          <Anchor component="button" type="button" size="sm" c="var(--link)" onClick={() => onOpen(c.conversationId)}>
            {t('complaints.detail.openConversation')}
          </Anchor>
        )}
      </div>

      <section aria-label={t('complaints.detail.severityTitle')}>
        <Title order={4} size="h5">
          {t('complaints.detail.severityTitle')}
        </Title>
        <Group gap={6}>
          <Text size="sm">{t('complaints.detail.current', { severity: t(`complaints.severity.${c.severity}`) })}</Text>
          {c.severity === 'severe' && (
            <Badge color="red" variant="filled" tt="none">
              {t('complaints.severity.severe')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{t('complaints.detail.suggestion', { severity: t(`complaints.severity.${c.suggestedSeverity}`) })}</Text>
        {c.severitySignals.length > 0 && (
          <Text size="sm">{t('complaints.detail.signals', { signals: c.severitySignals.map((s) => t(`complaints.signal.${s}`)).join(locale === 'en' ? ', ' : '、') })}</Text>
        )}
        {c.severityMatches.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('complaints.detail.matches', { words: c.severityMatches.join(locale === 'en' ? ', ' : '、') })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {confirmedBy ? t('complaints.detail.confirmedBy', { name: confirmedBy }) : t('complaints.detail.notConfirmed')}
        </Text>
        {!closed && (
          <Group gap="xs" mt={4}>
            <Button size="xs" color="red" variant={c.severity === 'severe' || suggestedSevere ? 'filled' : 'default'} disabled={busy} onClick={() => void setSeverity('severe')}>
              {c.severity === 'severe' || suggestedSevere ? t('complaints.detail.confirmSevere') : t('complaints.detail.makeSevere')}
            </Button>
            <Button size="xs" variant="default" disabled={busy} onClick={() => void setSeverity('normal')}>
              {c.severity === 'normal' && !suggestedSevere ? t('complaints.detail.confirmNormal') : t('complaints.detail.makeNormal')}
            </Button>
          </Group>
        )}
      </section>

      <section aria-label={t('complaints.detail.stepsTitle')}>
        <Title order={4} size="h5">
          {t('complaints.detail.stepsTitle')}
        </Title>
        <Text size="sm" fw={600}>
          {(['open', 'investigating', 'result_given', 'closed'] as const).map((s) => (s === c.status ? `[${t(`complaints.status.${s}`)}]` : t(`complaints.status.${s}`))).join(' → ')}
        </Text>
        {c.resultAt !== null && <Text size="sm">{t('complaints.detail.resultAt', { at: formatTime(c.resultAt, locale) })}</Text>}
        {c.closedAt !== null && <Text size="sm">{t('complaints.detail.closedAt', { at: formatTime(c.closedAt, locale) })}</Text>}
        <Group gap="xs" mt={4}>
          {c.status === 'open' && (
            <Button size="xs" variant="default" disabled={busy} onClick={() => void update({ status: 'investigating' })}>
              {t('complaints.detail.startInvestigating')}
            </Button>
          )}
          {c.status === 'result_given' && (
            <Button size="xs" disabled={busy} onClick={() => void update({ status: 'closed' })}>
              {t('complaints.detail.close')}
            </Button>
          )}
        </Group>
      </section>

      <section aria-label={t('complaints.detail.detailsTitle')}>
        <Title order={4} size="h5">
          {t('complaints.detail.detailsTitle')}
        </Title>
        <Stack gap={6}>
          <NativeSelect
            size="xs"
            label={t('complaints.detail.handler')}
            value={handlerId}
            disabled={closed}
            onChange={(e) => setHandler(e.currentTarget.value)}
            data={[{ value: '', label: t('complaints.nobody') }, ...handlers.map((h) => ({ value: h.id, label: h.name }))]}
          />
          <NativeSelect
            size="xs"
            label={t('complaints.detail.about')}
            value={aboutAgentId}
            disabled={closed}
            onChange={(e) => setAbout(e.currentTarget.value)}
            data={[{ value: '', label: t('complaints.detail.aboutNobody') }, ...handlers.map((h) => ({ value: h.id, label: h.name }))]}
          />
          <NativeSelect
            size="xs"
            label={t('complaints.detail.subject')}
            value={subject}
            disabled={closed}
            onChange={(e) => setSubject(e.currentTarget.value as ComplaintSubject)}
            data={SUBJECTS.map((s) => ({ value: s, label: t(`complaints.subject.${s}`) }))}
          />
          {!closed && (
            <Group>
              <Button size="xs" variant="default" disabled={busy} onClick={() => void update({ handlerId: handlerId || null, aboutAgentId: aboutAgentId || null, subject })}>
                {t('complaints.detail.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </section>

      <section aria-label={t('complaints.detail.resultTitle')}>
        <Title order={4} size="h5">
          {t('complaints.detail.resultTitle')}
        </Title>
        {closed ? (
          <>
            <Text size="sm" className={classes.result}>
              {c.result}
            </Text>
            <Text size="sm" fw={600}>
              {c.upheld ? t('complaints.detail.upheldYes') : t('complaints.detail.upheldNo')}
            </Text>
          </>
        ) : (
          <Stack gap={6}>
            <Textarea label={t('complaints.detail.result')} value={result} onChange={(e) => setResult(e.currentTarget.value)} autosize minRows={3} maxLength={5000} />
            <Radio.Group label={t('complaints.detail.upheld')} value={upheld} onChange={(v) => setUpheld(v as 'yes' | 'no')}>
              <Group gap="md" mt={4}>
                <Radio value="yes" label={t('complaints.detail.upheldYes')} />
                <Radio value="no" label={t('complaints.detail.upheldNo')} />
              </Group>
            </Radio.Group>
            <Group>
              <Button
                size="xs"
                disabled={busy}
                onClick={() => void update({ status: 'result_given', result, upheld: upheld === '' ? null : upheld === 'yes' })}
              >
                {c.status === 'result_given' ? t('complaints.detail.reviseResult') : t('complaints.detail.giveResult')}
              </Button>
            </Group>
          </Stack>
        )}
      </section>
      {error && <ErrorText error={error} />}

      <section aria-label={t('complaints.detail.historyTitle')}>
        <Title order={4} size="h5">
          {t('complaints.detail.historyTitle')}
        </Title>
        <ol className={classes.history}>
          {steps.map((s, i) => (
            <li key={i}>
              {formatTime(s.at, locale)} · {s.actorId === 'system' ? t('complaints.detail.system') : s.actorName} · {t(`complaints.action.${s.action}`, { defaultValue: s.action })}
            </li>
          ))}
        </ol>
      </section>
    </Stack>
  );
}
