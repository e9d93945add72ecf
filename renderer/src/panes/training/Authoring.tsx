import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { TrainingScenario } from '../../../../shared/schema/training';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { useSession } from '../../app/session';
import { draftOf, newDraft, type ScenarioDraft } from './scenarioModel';
import { ScenarioForm } from './ScenarioForm';
import { exportScenarios, ScenarioImport } from './ScenarioTransfer';
import classes from './authoring.module.css';
import training from './training.module.css';

type Editing = { draft: ScenarioDraft; isNew: boolean };

/**
 * The lead's scenario library: every scenario (built-in and the team's own) with edit, delete and export; a new
 * one; and JSON import / export. Editing opens the scenario form in place of the list.
 */
export default function Authoring() {
  const { t } = useTranslation();
  const session = useSession();
  const list = useCall('training.scenarios', {}, ['training']);
  const home = useCall('training.home', {}, ['training']);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (editing) {
    return (
      <ScenarioForm
        initial={editing.draft}
        isNew={editing.isNew}
        onCancel={() => setEditing(null)}
        onSaved={(s) => {
          setSaved(s.title);
          setEditing(null);
        }}
      />
    );
  }
  if (list.status === 'error') return <ErrorText error={list.error} />;
  if (list.status !== 'ok') return <Text className="loading">{t('app.loading')}</Text>;
  const builtIn = new Set(home.status === 'ok' ? home.value.library.filter((s) => s.builtIn).map((s) => s.id) : []);
  const scenarios = list.value.scenarios.map((doc) => ({ doc, parsed: TrainingScenario.safeParse(doc) }));

  const remove = async (id: string) => {
    const r = await api.call['training.deleteScenario']({ id });
    setDeleting(null);
    setError(r.ok ? null : r.error);
  };

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Button size="xs" onClick={() => setEditing({ draft: newDraft(session.locale), isNew: true })}>
          {t('training.author.new')}
        </Button>
        <Button size="xs" variant="default" onClick={() => void exportScenarios().then(setError)}>
          {t('training.author.exportAll')}
        </Button>
        <Button size="xs" variant="default" aria-expanded={importing} onClick={() => setImporting((v) => !v)}>
          {t('training.author.import')}
        </Button>
      </Group>
      {saved && (
        <Text role="status" size="sm">
          {t('training.author.saved', { title: saved })}
        </Text>
      )}
      {error && <ErrorText error={error} />}
      {importing && (
        <section className={training.section} aria-label={t('training.author.import')}>
          <ScenarioImport onDone={() => undefined} />
        </section>
      )}
      <section className={training.section} aria-labelledby="author-list">
        <Title order={3} id="author-list" mb="xs">
          {t('training.author.list')}
        </Title>
        <ul className={classes.list} aria-labelledby="author-list">
          {scenarios.map(({ doc, parsed }, i) => {
            const id = parsed.success ? parsed.data.id : String((doc as { id?: unknown })?.id ?? i);
            const title = parsed.success ? parsed.data.title : id;
            return (
              <li key={id}>
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <div>
                    <Text size="sm" fw={500}>
                      {title}{' '}
                      {builtIn.has(id) && (
                        <Badge size="xs" variant="light" tt="none">
                          {t('training.author.builtIn')}
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {parsed.success ? `${id} · ${t(`category.${parsed.data.category}`)} · ${t(`app.languages.${parsed.data.locale}`)}` : t('training.author.unreadable', { id })}
                    </Text>
                  </div>
                  <Group gap={6} wrap="nowrap">
                    {deleting === id ? (
                      <>
                        <Text size="sm">{t('training.author.deleteQuestion')}</Text>
                        <Button size="xs" color="red" onClick={() => void remove(id)} aria-label={t('training.author.deleteYesNamed', { title })}>
                          {t('training.author.deleteYes')}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => setDeleting(null)}>
                          {t('training.author.cancel')}
                        </Button>
                      </>
                    ) : (
                      <>
                        <Button size="xs" variant="default" disabled={!parsed.success} onClick={() => setEditing({ draft: draftOf(doc)!, isNew: false })} aria-label={t('training.author.editNamed', { title })}>
                          {t('training.author.edit')}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => void exportScenarios([id]).then(setError)} aria-label={t('training.author.exportNamed', { title })}>
                          {t('training.author.export')}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => setDeleting(id)} aria-label={t('training.author.deleteNamed', { title })}>
                          {t('training.author.delete')}
                        </Button>
                      </>
                    )}
                  </Group>
                </Group>
              </li>
            );
          })}
        </ul>
      </section>
    </Stack>
  );
}
