import { Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentScore } from '../../../../shared/contract/performance';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import type { ContractError } from '../../../../shared/contract';
import type { Column } from './columns';
import { DrillPanel } from './DrillPanel';
import { saveText } from './download';
import type { Period } from './period';
import { PerformanceTable } from './PerformanceTable';
import { ScoreExplanation } from './ScoreExplanation';
import classes from './performance.module.css';
import { usePerformanceCall } from './topics';

type Focus = { kind: 'drill'; agent: AgentScore; column: Column } | { kind: 'explain'; agent: AgentScore } | null;

/** The lead's table of every agent's score, the CSV export, and below it what a figure was opened on. */
export function ScoresTab({ period, onOpen }: { period: Period; onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  const scores = usePerformanceCall('performance.scores', period);
  const [focus, setFocus] = useState<Focus>(null);
  if (scores.status === 'error') return <ErrorText error={scores.error} />;
  if (scores.status !== 'ok') return null;
  // The figures of the agent in focus follow the period and fresh data.
  const current = focus && scores.value.agents.find((a) => a.metrics.agentId === focus.agent.metrics.agentId);
  return (
    <Stack gap="sm">
      <ExportButton period={period} />
      {scores.value.agents.length === 0 ? (
        <Text size="sm">{t('performance.table.empty')}</Text>
      ) : (
        <PerformanceTable agents={scores.value.agents} onDrill={(agent, column) => setFocus({ kind: 'drill', agent, column })} onExplain={(agent) => setFocus({ kind: 'explain', agent })} />
      )}
      {focus?.kind === 'drill' && current && (
        <DrillPanel
          key={`${current.metrics.agentId}:${focus.column.key}`}
          agentId={current.metrics.agentId}
          agentName={current.metrics.name}
          metric={focus.column.drill!}
          metricLabel={t(`performance.columns.${focus.column.key}`)}
          period={period}
          onClose={() => setFocus(null)}
          onOpen={onOpen}
        />
      )}
      {focus?.kind === 'explain' && current && <Explained agent={current} onClose={() => setFocus(null)} />}
    </Stack>
  );
}

function Explained({ agent, onClose }: { agent: AgentScore; onClose(): void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector<HTMLElement>('h3')?.focus(), [agent.metrics.agentId]);
  return (
    <div ref={box} className={classes.drill}>
      <Group justify="flex-end">
        <CloseButton aria-label={t('performance.explain.close')} onClick={onClose} />
      </Group>
      <ScoreExplanation agent={agent} focusable />
    </div>
  );
}

/** performance.export, saved as a file (the core's CSV already has the UTF-8 BOM Excel needs for Chinese). */
function ExportButton({ period, agentId }: { period: Period; agentId?: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const r = await api.call['performance.export']({ ...period, ...(agentId ? { agentId } : {}) });
    setBusy(false);
    setError(r.ok ? null : r.error);
    if (!r.ok) return setDone(null);
    saveText(r.value.filename, r.value.csv, 'text/csv;charset=utf-8');
    setDone(t('performance.export.done', { count: r.value.rows, file: r.value.filename }));
  };
  return (
    <Group gap="sm">
      <Button size="xs" variant="default" loading={busy} onClick={() => void run()}>
        {t('performance.export.button')}
      </Button>
      <Text size="sm" role="status">
        {done}
      </Text>
      {error && <ErrorText error={error} />}
    </Group>
  );
}
