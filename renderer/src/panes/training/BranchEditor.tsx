import { ActionIcon, Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TRAINING_ENDS, TRAINING_INTENTS, type TrainingIntent } from '../../../../shared/schema/training';
import { emptyBranch, emptyNode, type BranchDraft, type NodeDraft, type ScenarioDraft } from './scenarioModel';
import classes from './authoring.module.css';

/**
 * The scenario's conversation as nodes: what the customer says on arriving, the branches tried in order (the key
 * points a reply must make, all or any of them, and the intents it must show) each leading to a node, the fallback
 * lines when nothing matches, and whether the node ends the conversation. Ids are the scenario's own short ids.
 */
export function BranchEditor({ draft, onChange }: { draft: ScenarioDraft; onChange(d: ScenarioDraft): void }) {
  const { t } = useTranslation();
  const setNode = (i: number, node: NodeDraft) => onChange({ ...draft, nodes: draft.nodes.map((n, j) => (j === i ? node : n)) });
  const removeNode = (i: number) => onChange({ ...draft, nodes: draft.nodes.filter((_, j) => j !== i) });
  const freeId = () => {
    let n = draft.nodes.length + 1;
    while (draft.nodes.some((x) => x.id === `n${n}`)) n++;
    return `n${n}`;
  };
  return (
    <Stack gap="sm">
      {draft.nodes.map((node, i) => (
        <NodeEditor key={i} index={i} node={node} draft={draft} onChange={(n) => setNode(i, n)} onRemove={draft.nodes.length > 1 ? () => removeNode(i) : undefined} />
      ))}
      <Group>
        <Button size="xs" variant="default" onClick={() => onChange({ ...draft, nodes: [...draft.nodes, emptyNode(freeId())] })}>
          {t('training.author.addNode')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('training.author.nodesHint')}
      </Text>
    </Stack>
  );
}

function NodeEditor({ index, node, draft, onChange, onRemove }: { index: number; node: NodeDraft; draft: ScenarioDraft; onChange(n: NodeDraft): void; onRemove?: () => void }) {
  const { t } = useTranslation();
  const name = t('training.author.place.node', { n: index + 1 });
  const setBranch = (j: number, b: BranchDraft) => onChange({ ...node, branches: node.branches.map((x, k) => (k === j ? b : x)) });
  return (
    <Fieldset legend={index === 0 ? t('training.author.openingNode', { name, id: node.id }) : t('training.author.nodeLegend', { name, id: node.id })} className={classes.node}>
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          <TextInput size="xs" label={t('training.author.field.id')} aria-label={t('training.author.nodeField', { name, field: t('training.author.field.id') })} value={node.id} onChange={(e) => onChange({ ...node, id: e.currentTarget.value })} w={160} />
          <NativeSelect
            size="xs"
            label={t('training.author.field.end')}
            aria-label={t('training.author.nodeField', { name, field: t('training.author.field.end') })}
            value={node.end}
            onChange={(e) => onChange({ ...node, end: e.currentTarget.value as NodeDraft['end'], branches: e.currentTarget.value === '' ? node.branches : [] })}
            data={[{ value: '', label: t('training.author.endNone') }, ...TRAINING_ENDS.map((e) => ({ value: e, label: t(`training.end.${e}`) }))]}
          />
          {onRemove && (
            <Button size="xs" variant="default" ml="auto" onClick={onRemove} aria-label={t('training.author.removeNamed', { name })}>
              {t('training.author.remove')}
            </Button>
          )}
        </Group>
        <Textarea size="xs" label={t('training.author.field.customer')} aria-label={t('training.author.nodeField', { name, field: t('training.author.field.customer') })} rows={2} value={node.customer} onChange={(e) => onChange({ ...node, customer: e.currentTarget.value })} />
        {node.end === '' && (
          <>
            <Textarea
              size="xs"
              label={t('training.author.field.fallbacks')}
              aria-label={t('training.author.nodeField', { name, field: t('training.author.field.fallbacks') })}
              description={t('training.author.fallbacksHint')}
              rows={1}
              value={node.fallbacks}
              onChange={(e) => onChange({ ...node, fallbacks: e.currentTarget.value })}
            />
            {node.branches.map((b, j) => (
              <BranchRow key={j} owner={name} n={j + 1} branch={b} draft={draft} onChange={(nb) => setBranch(j, nb)} onRemove={() => onChange({ ...node, branches: node.branches.filter((_, k) => k !== j) })} />
            ))}
            <Group>
              <Button size="xs" variant="default" onClick={() => onChange({ ...node, branches: [...node.branches, emptyBranch(draft.nodes.find((x) => x.id !== node.id)?.id ?? '')] })} aria-label={t('training.author.addBranchNamed', { name })}>
                {t('training.author.addBranch')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Fieldset>
  );
}

function BranchRow({ owner, n, branch, draft, onChange, onRemove }: { owner: string; n: number; branch: BranchDraft; draft: ScenarioDraft; onChange(b: BranchDraft): void; onRemove(): void }) {
  const { t } = useTranslation();
  const name = `${owner} › ${t('training.author.place.branch', { n })}`;
  const points = draft.keyPoints.filter((k) => k.id.trim() !== '');
  const pointLabel = (k: { id: string; label: string }) => (k.label ? `${k.label} (${k.id})` : k.id);
  const pointsGroup = (field: 'all' | 'any') => (
    <Checkbox.Group size="xs" label={t(`training.author.when.${field}`)} aria-label={`${name} › ${t(`training.author.when.${field}`)}`} value={branch[field]} onChange={(v) => onChange({ ...branch, [field]: v })}>
      <Group gap="sm" mt={2}>
        {points.length === 0 && <Text size="xs" c="dimmed">{t('training.author.noKeyPoints')}</Text>}
        {points.map((k) => (
          <Checkbox key={k.id} size="xs" value={k.id} label={pointLabel(k)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
  return (
    <div className={classes.branch} role="group" aria-label={name}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" fw={600}>
          {t('training.author.branchTitle', { n })}
        </Text>
        <ActionIcon size="sm" variant="default" onClick={onRemove} aria-label={t('training.author.removeNamed', { name })}>
          ×
        </ActionIcon>
      </Group>
      {pointsGroup('all')}
      {pointsGroup('any')}
      <Checkbox.Group size="xs" label={t('training.author.when.intents')} aria-label={`${name} › ${t('training.author.when.intents')}`} value={branch.intents} onChange={(v) => onChange({ ...branch, intents: v as TrainingIntent[] })}>
        <Group gap="sm" mt={2}>
          {TRAINING_INTENTS.map((i) => (
            <Checkbox key={i} size="xs" value={i} label={t(`training.intent.${i}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <NativeSelect
        size="xs"
        label={t('training.author.field.next')}
        aria-label={`${name} › ${t('training.author.field.next')}`}
        value={branch.next}
        onChange={(e) => onChange({ ...branch, next: e.currentTarget.value })}
        data={[{ value: '', label: t('training.author.chooseNode') }, ...draft.nodes.filter((x) => x.id.trim() !== '').map((x, i) => ({ value: x.id, label: `${t('training.author.place.node', { n: i + 1 })} · ${x.id}` }))]}
        w={240}
      />
    </div>
  );
}
