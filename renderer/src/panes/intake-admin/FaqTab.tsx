import { Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { FaqView } from '../../../../shared/contract/bot';
import { CATEGORIES, type Category } from '../../../../shared/schema/common';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { FaqForm } from './FaqForm';
import { draftOf, emptyDraft, matches } from './faqModel';
import classes from './intakeAdmin.module.css';

type Editing = { kind: 'add' } | { kind: 'edit'; entry: FaqView } | null;

/** The FAQ knowledge base the bot answers from: by category, searchable; a lead edits, adds and deletes entries. */
export function FaqTab() {
  const { t } = useTranslation();
  // faq.save / faq.delete publish the settings topic.
  const list = useCall('faq.list', {}, ['settings']);
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const remove = async (id: string) => {
    const r = await api.call['faq.delete']({ id });
    setConfirming(null);
    setError(r.ok ? null : r.error);
    setMessage(r.ok ? t('intakeAdmin.faq.deleted', { id }) : null);
    list.reload();
  };

  if (editing) {
    return (
      <FaqForm
        key={editing.kind === 'edit' ? editing.entry.id : 'new'}
        initial={editing.kind === 'edit' ? draftOf(editing.entry) : emptyDraft(category || 'account')}
        editing={editing.kind === 'edit'}
        onCancel={() => setEditing(null)}
        onSaved={(e) => {
          setEditing(null);
          setError(null);
          setMessage(t('intakeAdmin.faq.saved', { id: e.id }));
          list.reload();
        }}
      />
    );
  }

  const entries = list.status === 'ok' ? list.value.filter((e) => (!category || e.category === category) && matches(e, q)) : [];
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput type="search" label={t('intakeAdmin.faq.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} className={classes.grow} />
        <NativeSelect
          label={t('intakeAdmin.faq.category')}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value as Category | '')}
          data={[{ value: '', label: t('intakeAdmin.faq.allCategories') }, ...CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))]}
        />
        <Button
          onClick={() => {
            setMessage(null);
            setEditing({ kind: 'add' });
          }}
        >
          {t('intakeAdmin.faq.add')}
        </Button>
      </Group>
      {message && <p role="status">{message}</p>}
      {error && <ErrorText error={error} />}
      {list.status === 'error' && <ErrorText error={list.error} />}
      {list.status === 'ok' && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('intakeAdmin.faq.none')}
        </Text>
      )}
      {CATEGORIES.map((c) => {
        const rows = entries.filter((e) => e.category === c);
        if (rows.length === 0) return null;
        return (
          <section key={c} aria-label={t(`category.${c}`)}>
            <Title order={3} size="h4" mb={4}>
              {t(`category.${c}`)} <Text span size="sm" c="dimmed">({t('intakeAdmin.faq.count', { count: rows.length })})</Text>
            </Title>
            <Table verticalSpacing="xs" className={classes.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('intakeAdmin.faq.zh')}</Table.Th>
                  <Table.Th scope="col">{t('intakeAdmin.faq.en')}</Table.Th>
                  <Table.Th scope="col" className={classes.actions}>
                    {t('intakeAdmin.faq.actions')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td lang="zh-CN">
                      <Phrasings questions={e.questions['zh-CN']} answer={e.answer['zh-CN']} />
                    </Table.Td>
                    <Table.Td lang="en">
                      <Phrasings questions={e.questions.en} answer={e.answer.en} />
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <Group gap={4} wrap="nowrap">
                          <Text size="xs" c="dimmed" className={classes.mono}>
                            {e.id}
                          </Text>
                          {e.origin !== 'builtin' && (
                            <Badge size="xs" variant="outline" tt="none">
                              {t(`intakeAdmin.faq.origin.${e.origin}`)}
                            </Badge>
                          )}
                        </Group>
                        {confirming === e.id ? (
                          <Group gap={4} wrap="nowrap">
                            <Button size="compact-xs" color="red" onClick={() => void remove(e.id)}>
                              {t('intakeAdmin.faq.confirmDelete', { id: e.id })}
                            </Button>
                            <Button size="compact-xs" variant="default" onClick={() => setConfirming(null)}>
                              {t('intakeAdmin.faq.keep')}
                            </Button>
                          </Group>
                        ) : (
                          <Group gap={4} wrap="nowrap">
                            <Button size="compact-xs" variant="default" aria-label={t('intakeAdmin.faq.editEntry', { id: e.id })} onClick={() => setEditing({ kind: 'edit', entry: e })}>
                              {t('intakeAdmin.faq.edit')}
                            </Button>
                            <Button size="compact-xs" variant="default" aria-label={t('intakeAdmin.faq.deleteEntry', { id: e.id })} onClick={() => setConfirming(e.id)}>
                              {t('intakeAdmin.faq.delete')}
                            </Button>
                          </Group>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        );
      })}
    </Stack>
  );
}

/** An entry's phrasings (as a list) and its answer, in one language. */
function Phrasings({ questions, answer }: { questions: string[]; answer: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed">
        {t('intakeAdmin.faq.questions')}
      </Text>
      <ul className={classes.phrasings}>
        {questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
      <Text size="xs" c="dimmed">
        {t('intakeAdmin.faq.answer')}
      </Text>
      <Text size="sm">{answer}</Text>
    </div>
  );
}
