import { Button, Checkbox, Fieldset, Group, NativeSelect, NumberInput, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ContractError } from '../../../../shared/contract';
import type { ScenarioSummary } from '../../../../shared/contract/training';
import { CATEGORIES, LOCALES, Tier } from '../../../../shared/schema/common';
import { RUBRIC_ITEMS } from '../../../../shared/schema/training';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { BranchEditor } from './BranchEditor';
import { issueLine } from './issueText';
import { draftIssues, emptyKeyPoint, scenarioOf, type KeyPointDraft, type ScenarioDraft } from './scenarioModel';
import { itemName, type Translate } from './text';
import { TryPanel } from './TryPanel';
import classes from './authoring.module.css';

/**
 * Adds or edits one scenario: who the customer is, the timing, how it is graded, the key points and the branching
 * conversation, with "try it" beside. Checked against the scenario schema before it is sent (every problem listed
 * with where it is), and again by the core, which audits the save.
 */
export function ScenarioForm({ initial, isNew, onSaved, onCancel }: { initial: ScenarioDraft; isNew: boolean; onSaved(s: ScenarioSummary): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const tr = t as unknown as Translate;
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<z.core.$ZodIssue[]>([]);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ScenarioDraft>(k: K, v: ScenarioDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const text = (k: keyof ScenarioDraft) => ({ value: draft[k] as string, onChange: (e: { currentTarget: { value: string } }) => set(k, e.currentTarget.value as never) });
  const title = isNew ? t('training.author.newTitle') : t('training.author.editTitle', { id: initial.id });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = draftIssues(draft);
    setIssues(found);
    if (found.length > 0) return;
    setBusy(true);
    const r = await api.call['training.saveScenario']({ scenario: scenarioOf(draft) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    onSaved(r.value);
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={title} noValidate>
      <Stack gap="sm">
        <Title order={3}>{title}</Title>
        <Fieldset legend={t('training.author.basics')}>
          <Group align="flex-start" gap="sm" grow>
            <TextInput label={t('training.author.field.id')} description={isNew ? t('training.author.idHint') : undefined} readOnly={!isNew} {...text('id')} />
            <TextInput label={t('training.author.field.title')} {...text('title')} />
          </Group>
          <Group align="flex-start" gap="sm" grow mt="xs">
            <NativeSelect label={t('training.author.field.locale')} value={draft.locale} onChange={(e) => set('locale', e.currentTarget.value as ScenarioDraft['locale'])} data={LOCALES.map((l) => ({ value: l, label: t(`app.languages.${l}`) }))} />
            <NativeSelect label={t('training.author.field.category')} value={draft.category} onChange={(e) => set('category', e.currentTarget.value as ScenarioDraft['category'])} data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
            <NativeSelect label={t('training.author.field.startCategory')} value={draft.startCategory} onChange={(e) => set('startCategory', e.currentTarget.value as ScenarioDraft['category'])} data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
            <NativeSelect label={t('training.author.field.difficulty')} value={draft.difficulty} onChange={(e) => set('difficulty', e.currentTarget.value as ScenarioDraft['difficulty'])} data={(['easy', 'medium', 'hard'] as const).map((d) => ({ value: d, label: t(`training.difficulty.${d}`) }))} />
          </Group>
          <TextInput mt="xs" label={t('training.author.field.tags')} description={t('training.author.commaHint')} {...text('tags')} />
        </Fieldset>
        <Fieldset legend={t('training.author.customer')}>
          <Group align="flex-start" gap="sm" grow>
            <TextInput label={t('training.author.field.name')} {...text('personaName')} />
            <NativeSelect label={t('training.author.field.tier')} value={draft.personaTier} onChange={(e) => set('personaTier', e.currentTarget.value as ScenarioDraft['personaTier'])} data={Tier.options.map((x) => ({ value: x, label: t(`training.tier.${x}`) }))} />
          </Group>
          <Group align="flex-start" gap="sm" grow mt="xs">
            <Textarea label={t('training.author.field.history')} description={t('training.author.linesHint')} rows={2} {...text('personaHistory')} />
            <Textarea label={t('training.author.field.ownData')} description={t('training.author.ownDataHint')} rows={2} {...text('personaOwnData')} />
          </Group>
        </Fieldset>
        <Fieldset legend={t('training.author.timing')}>
          <Group align="flex-end" gap="sm">
            <TextInput label={t('training.author.field.turnBudgetSeconds')} inputMode="numeric" w={200} {...text('turnBudgetSeconds')} />
            <Checkbox label={t('training.author.field.impatience')} checked={draft.impatient} onChange={(e) => set('impatient', e.currentTarget.checked)} mb={8} />
            {draft.impatient && <TextInput label={t('training.author.field.afterSeconds')} inputMode="numeric" w={200} {...text('impatienceAfterSeconds')} />}
          </Group>
          {draft.impatient && <Textarea mt="xs" label={t('training.author.field.messages')} description={t('training.author.linesHint')} rows={2} {...text('impatienceMessages')} />}
        </Fieldset>
        <Fieldset legend={t('training.author.grading')}>
          <Group gap="lg">
            <Checkbox label={t('training.author.field.escalationRequired')} checked={draft.escalationRequired} onChange={(e) => set('escalationRequired', e.currentTarget.checked)} />
            <Checkbox label={t('training.author.field.apologyDue')} checked={draft.apologyDue} onChange={(e) => set('apologyDue', e.currentTarget.checked)} />
          </Group>
          <Group align="flex-start" gap="sm" grow mt="xs">
            <TextInput label={t('training.author.field.expectedCanned')} description={t('training.author.commaHint')} {...text('expectedCanned')} />
            <Textarea label={t('training.author.field.forbidden')} description={t('training.author.linesHint')} rows={2} {...text('forbidden')} />
          </Group>
          <Text size="sm" fw={600} mt="sm">
            {t('training.author.weights')}
          </Text>
          <Group gap="xs" mt={4}>
            {RUBRIC_ITEMS.map((item) => (
              <NumberInput
                key={item}
                size="xs"
                w={130}
                min={0}
                max={100}
                label={itemName(item, tr)}
                value={draft.rubric[item]}
                onChange={(v) => set('rubric', { ...draft.rubric, [item]: String(v) })}
              />
            ))}
          </Group>
        </Fieldset>
        <Fieldset legend={t('training.author.keyPoints')}>
          <KeyPoints points={draft.keyPoints} onChange={(k) => set('keyPoints', k)} />
        </Fieldset>
        <Fieldset legend={t('training.author.conversation')}>
          <BranchEditor draft={draft} onChange={setDraft} />
        </Fieldset>
        <TryPanel draft={draft} />
        {issues.length > 0 && (
          <div role="alert">
            <Text fw={600} size="sm" c="var(--breach)">
              {t('training.author.issues', { count: issues.length })}
            </Text>
            <ul className={classes.issues} aria-label={t('training.author.issues', { count: issues.length })}>
              {issues.slice(0, 30).map((issue, i) => (
                <li key={i}>{issueLine(issue, tr, i18n.language)}</li>
              ))}
            </ul>
          </div>
        )}
        {error && <ErrorText error={error} />}
        <Group gap="xs">
          <Button type="submit" loading={busy}>
            {t('training.author.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('training.author.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function KeyPoints({ points, onChange }: { points: KeyPointDraft[]; onChange(k: KeyPointDraft[]): void }) {
  const { t } = useTranslation();
  const setPoint = (i: number, k: KeyPointDraft) => onChange(points.map((p, j) => (j === i ? k : p)));
  const freeId = () => {
    let n = points.length + 1;
    while (points.some((p) => p.id === `kp-${n}`)) n++;
    return `kp-${n}`;
  };
  return (
    <Stack gap="xs">
      {points.map((k, i) => {
        const name = t('training.author.place.keyPoint', { n: i + 1 });
        const field = (f: string) => t('training.author.nodeField', { name, field: t(`training.author.field.${f}`) });
        return (
          <div key={i} className={classes.branch} role="group" aria-label={name}>
            <Group align="flex-end" gap="sm">
              <TextInput size="xs" label={t('training.author.field.id')} aria-label={field('id')} value={k.id} onChange={(e) => setPoint(i, { ...k, id: e.currentTarget.value })} w={140} />
              <TextInput size="xs" label={t('training.author.field.label')} aria-label={field('label')} value={k.label} onChange={(e) => setPoint(i, { ...k, label: e.currentTarget.value })} style={{ flex: 1 }} />
              <Checkbox size="xs" label={t('training.author.field.required')} aria-label={field('required')} checked={k.required} onChange={(e) => setPoint(i, { ...k, required: e.currentTarget.checked })} mb={6} />
              <Button size="xs" variant="default" onClick={() => onChange(points.filter((_, j) => j !== i))} aria-label={t('training.author.removeNamed', { name })}>
                {t('training.author.remove')}
              </Button>
            </Group>
            <Group align="flex-start" gap="sm" grow>
              <Textarea size="xs" label={t('training.author.field.phrasesZh')} aria-label={field('phrasesZh')} description={t('training.author.linesHint')} rows={1} value={k.zh} onChange={(e) => setPoint(i, { ...k, zh: e.currentTarget.value })} />
              <Textarea size="xs" label={t('training.author.field.phrasesEn')} aria-label={field('phrasesEn')} description={t('training.author.linesHint')} rows={1} value={k.en} onChange={(e) => setPoint(i, { ...k, en: e.currentTarget.value })} />
            </Group>
          </div>
        );
      })}
      <Group>
        <Button size="xs" variant="default" onClick={() => onChange([...points, emptyKeyPoint(freeId())])}>
          {t('training.author.addKeyPoint')}
        </Button>
      </Group>
    </Stack>
  );
}
