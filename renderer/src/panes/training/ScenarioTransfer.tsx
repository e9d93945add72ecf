import { Alert, Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Output } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { importProblemText } from './issueText';
import type { Translate } from './text';
import classes from './authoring.module.css';

/** Saves text as a file through a Blob and a download link: the same in Electron and in a browser. */
export function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Exports scenarios (all, or the given ids) as a JSON file. */
export async function exportScenarios(ids?: string[]): Promise<ContractError | null> {
  const r = await api.call['training.exportScenarios'](ids ? { ids } : {});
  if (!r.ok) return r.error;
  download(r.value.fileName, r.value.text);
  return null;
}

type ImportAnswer = Output<'training.importScenarios'>;

/**
 * JSON import of scenarios, from a file or pasted: "Check" asks the core for a dry run, "Import" stores them all or
 * nothing; every problem is listed with its line and column in the text and where in the scenario it is.
 */
export function ScenarioImport({ onDone }: { onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [dry, setDry] = useState(true);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const resetFile = useRef<() => void>(null);

  const send = async (body: string, dryRun: boolean) => {
    setBusy(true);
    const r = await api.call['training.importScenarios']({ text: body, dryRun });
    setBusy(false);
    setDry(dryRun);
    setError(r.ok ? null : r.error);
    setAnswer(r.ok ? r.value : null);
    // The core's English detail of each problem is for bug reports: the console too.
    if (r.ok && r.value.problems.length > 0) console.warn('[kefu] scenario import rejected', r.value.problems);
    if (r.ok && r.value.ok && !dryRun) onDone();
  };
  const fromFile = async (file: File | null) => {
    if (!file) return;
    const body = await file.text();
    resetFile.current?.();
    setText(body);
    await send(body, false);
  };

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <FileButton resetRef={resetFile} onChange={(f) => void fromFile(f)} accept=".json,application/json" inputProps={{ 'aria-label': t('training.import.file') }}>
          {(props) => (
            <Button variant="default" size="xs" {...props}>
              {t('training.import.file')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Textarea label={t('training.import.paste')} rows={4} value={text} onChange={(e) => setText(e.currentTarget.value)} className={classes.mono} spellCheck={false} />
      <Group gap="xs">
        <Button size="xs" variant="default" disabled={text.trim() === ''} loading={busy && dry} onClick={() => void send(text, true)}>
          {t('training.import.check')}
        </Button>
        <Button size="xs" disabled={text.trim() === ''} loading={busy && !dry} onClick={() => void send(text, false)}>
          {t('training.import.run')}
        </Button>
      </Group>
      {error && <ErrorText error={error} />}
      {answer?.ok && (
        <Text role="status" size="sm">
          {dry ? t('training.import.checked', { count: answer.imported }) : t('training.import.done', { count: answer.imported })}
        </Text>
      )}
      {answer && !answer.ok && (
        <Alert color="red" variant="light" title={t('training.import.rejected')}>
          <ul className={classes.problems} aria-label={t('training.import.rejected')}>
            {answer.problems.map((p, i) => (
              <li key={i}>
                {p.column === null ? t('training.import.atLine', { line: p.line }) : t('training.import.atLineColumn', { line: p.line, column: p.column })}
                {p.path && (
                  <>
                    , <code>{p.path}</code>
                  </>
                )}
                : {importProblemText(p, t as unknown as Translate, i18n.language)}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </Stack>
  );
}
