import { Button, Group, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { FaqView } from '../../../../shared/contract/bot';
import { CATEGORIES, type Category } from '../../../../shared/schema/common';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { usePlacedError } from '../../app/fieldErrors';
import { fieldAlert } from './fieldAlert';
import { entryOf, FAQ_PATHS, type FaqDraft, type FaqField } from './faqModel';

/**
 * Adds or edits one FAQ entry: how customers ask (one phrasing per line) and the answer, in both languages. The
 * core validates (and audits the change); each of its reasons shows under the field it is about.
 */
export function FaqForm({ initial, editing, onSaved, onCancel }: { initial: FaqDraft; editing: boolean; onSaved(e: FaqView): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const placed = usePlacedError<FaqField>(error, FAQ_PATHS);
  const set = (field: FaqField) => (e: { currentTarget: { value: string } }) => setDraft({ ...draft, [field]: e.currentTarget.value });
  const title = editing ? t('intakeAdmin.faq.formEdit', { id: initial.id }) : t('intakeAdmin.faq.formAdd');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.call['faq.save'](entryOf(draft));
    setBusy(false);
    if (r.ok) onSaved(r.value);
    else setError(r.error);
  };
  const text = (field: FaqField, label: string, rows: number, autofocus = false) => (
    <Textarea
      label={t(label)}
      value={draft[field]}
      onChange={set(field)}
      rows={rows}
      error={placed.byField[field]}
      {...fieldAlert}
      data-autofocus={autofocus || undefined}
    />
  );

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={title}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Group gap="sm" align="flex-start" grow>
          <TextInput
            label={t('intakeAdmin.faq.id')}
            description={editing ? undefined : t('intakeAdmin.faq.idHint')}
            value={draft.id}
            onChange={set('id')}
            readOnly={editing}
            error={placed.byField.id}
            {...fieldAlert}
            data-autofocus={!editing || undefined}
          />
          <NativeSelect
            label={t('intakeAdmin.faq.category')}
            value={draft.category}
            onChange={(e) => setDraft({ ...draft, category: e.currentTarget.value as Category })}
            data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            error={placed.byField.category}
            {...fieldAlert}
          />
        </Group>
        {text('questionsZh', 'intakeAdmin.faq.questionsZh', 2, editing)}
        {text('answerZh', 'intakeAdmin.faq.answerZh', 2)}
        {text('questionsEn', 'intakeAdmin.faq.questionsEn', 2)}
        {text('answerEn', 'intakeAdmin.faq.answerEn', 2)}
        {placed.rest && <ErrorText error={placed.rest} />}
        <Group gap="xs">
          <Button type="submit" loading={busy}>
            {t('intakeAdmin.faq.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('intakeAdmin.faq.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
