import { Button, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Output } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { scenarioOf, type ScenarioDraft } from './scenarioModel';
import classes from './authoring.module.css';

/**
 * "Try it": write what a trainee might answer at a node of the scenario being edited and see what the simulated
 * customer would say, which key points the reply made and where the conversation goes (the core's own matcher on
 * the unsaved draft; nothing is stored). "Continue" moves to the node it went to, to walk a whole path.
 */
export function TryPanel({ draft }: { draft: ScenarioDraft }) {
  const { t } = useTranslation();
  const nodes = draft.nodes.filter((n) => n.id.trim() !== '');
  const [nodeId, setNodeId] = useState(nodes[0]?.id ?? '');
  const [reply, setReply] = useState('');
  const [answer, setAnswer] = useState<Output<'training.tryTurn'> | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const at = nodes.find((n) => n.id === nodeId) ?? nodes[0];
  const labels = new Map(draft.keyPoints.map((k) => [k.id, k.label || k.id]));

  const run = async () => {
    if (!at) return;
    setBusy(true);
    const r = await api.call['training.tryTurn']({ scenario: scenarioOf(draft), nodeId: at.id, reply });
    setBusy(false);
    setError(r.ok ? null : r.error);
    setAnswer(r.ok ? r.value : null);
  };

  return (
    <section className={classes.try} aria-labelledby="try-title">
      <Title order={4} size="h3" id="try-title" mb={4}>
        {t('training.try.title')}
      </Title>
      <Stack gap="xs">
        <NativeSelect size="xs" label={t('training.try.node')} value={at?.id ?? ''} onChange={(e) => setNodeId(e.currentTarget.value)} data={nodes.map((n, i) => ({ value: n.id, label: `${t('training.author.place.node', { n: i + 1 })} · ${n.id}` }))} w={260} />
        {at && (
          <Text size="sm" className={classes.answer}>
            {t('training.try.customerSays', { text: at.customer })}
          </Text>
        )}
        <Textarea size="xs" label={t('training.try.reply')} rows={2} value={reply} onChange={(e) => setReply(e.currentTarget.value)} />
        <Group gap="xs">
          <Button size="xs" onClick={() => void run()} loading={busy} disabled={!at || reply.trim() === ''}>
            {t('training.try.run')}
          </Button>
        </Group>
        {error && <ErrorText error={error} />}
        {answer && (
          <div role="status" aria-label={t('training.try.result')}>
            <Text size="sm">{answer.customer === null ? t('training.try.noAnswer') : t('training.try.answer', { text: answer.customer })}</Text>
            <Text size="sm">
              {answer.matchedKeyPoints.length === 0 ? t('training.try.noPoints') : t('training.try.points', { points: answer.matchedKeyPoints.map((k) => labels.get(k) ?? k).join(t('training.home.listSeparator')) })}
            </Text>
            <Text size="sm">
              {answer.end ? t('training.try.ends', { end: t(`training.end.${answer.end}`) }) : answer.nextNodeId === null || answer.nextNodeId === at?.id ? t('training.try.stays') : t('training.try.next', { id: answer.nextNodeId })}
            </Text>
            {answer.nextNodeId !== null && answer.nextNodeId !== at?.id && !answer.end && (
              <Button
                size="xs"
                variant="default"
                mt={4}
                onClick={() => {
                  setNodeId(answer.nextNodeId!);
                  setReply('');
                  setAnswer(null);
                }}
              >
                {t('training.try.continue')}
              </Button>
            )}
          </div>
        )}
      </Stack>
    </section>
  );
}
