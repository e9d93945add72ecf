import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { CannedDraft, CannedView } from '../../../../shared/contract/canned';
import { CANNED_VARIABLES } from '../../../../shared/rules/cannedVariables';
import { CATEGORIES, LOCALES, type Category, type Locale } from '../../../../shared/schema/common';
import type { CannedScope } from '../../../../shared/schema/canned';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { useSession } from '../../app/session';

/** Create or edit one canned reply. Agents only get "personal"; the core enforces it either way. */
export function CannedEditor({ reply, onDone }: { reply: CannedView | null; onDone(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [draft, setDraft] = useState<CannedDraft>(() =>
    reply
      ? { title: reply.title, body: reply.body, category: reply.category, locale: reply.locale, shortcut: reply.shortcut, scope: reply.scope }
      : { title: '', body: '', category: null, locale: session.locale, shortcut: '', scope: 'personal' },
  );
  const [error, setError] = useState<ContractError | null>(null);
  const scopes: CannedScope[] = session.agent.role === 'lead' ? ['personal', 'team', 'everyone'] : ['personal'];
  const set = <K extends keyof CannedDraft>(k: K, v: CannedDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call['canned.save']({ ...draft, ...(reply ? { id: reply.id } : {}) });
    if (r.ok) onDone();
    else setError(r.error);
  };

  return (
    <Paper withBorder p="sm" component="form" onSubmit={save}>
      <Stack gap="xs">
        <TextInput size="xs" label={t('canned.library.fields.title')} value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} required maxLength={200} />
        <Textarea
          size="xs"
          label={t('canned.library.fields.body')}
          description={<Text span size="xs" c="dimmed">{t('canned.library.variablesHelp', { list: CANNED_VARIABLES.map((v) => `{{${v}}}`).join(' ') })}</Text>}
          value={draft.body}
          onChange={(e) => set('body', e.currentTarget.value)}
          required
          maxLength={5000}
          autosize
          minRows={3}
          maxRows={10}
        />
        <Group gap="sm" grow>
          <TextInput size="xs" label={t('canned.library.fields.shortcut')} value={draft.shortcut} onChange={(e) => set('shortcut', e.currentTarget.value.replace(/\s/gu, ''))} maxLength={40} />
          <NativeSelect size="xs" label={t('canned.library.fields.category')} value={draft.category ?? ''} onChange={(e) => set('category', (e.currentTarget.value || null) as Category | null)}>
            <option value="">{t('canned.library.noCategory')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <Group gap="sm" grow>
          <NativeSelect size="xs" label={t('canned.library.fields.locale')} value={draft.locale} onChange={(e) => set('locale', e.currentTarget.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`app.languages.${l}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect size="xs" label={t('canned.library.fields.scope')} value={draft.scope} onChange={(e) => set('scope', e.currentTarget.value as CannedScope)}>
            {scopes.map((s) => (
              <option key={s} value={s}>
                {t(`canned.scope.${s}`)}
              </option>
            ))}
          </NativeSelect>
        </Group>
        {error && <ErrorText error={error} />}
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={onDone}>
            {t('canned.library.cancel')}
          </Button>
          <Button type="submit" size="xs">
            {t('canned.library.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
