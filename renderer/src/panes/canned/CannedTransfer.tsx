import { Alert, Button, FileButton, Group, List, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { CannedImportResult } from '../../../../shared/contract/canned';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import type { Translate } from '../../app/errorMessage';
import { importProblemText } from './importProblemText';

/** Saves text as a file through a Blob and a download link: the same in Electron and in a browser. */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export and import of the library. The core checks a whole file before storing any of it. */
export function CannedTransfer() {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<CannedImportResult | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const resetFile = useRef<() => void>(null);

  const exportLibrary = async () => {
    const r = await api.call['canned.export']({});
    if (r.ok) download(r.value.fileName, r.value.text);
    else setError(r.error);
  };
  const importFile = async (file: File | null) => {
    if (!file) return;
    const r = await api.call['canned.import']({ text: await file.text() });
    resetFile.current?.(); // the same file can be chosen again after fixing it
    setError(r.ok ? null : r.error);
    setResult(r.ok ? r.value : null);
    // The core's English detail of each problem is for bug reports: the console, never the screen.
    if (r.ok && r.value.problems.length > 0) console.warn('[kefu] canned import rejected', r.value.problems);
  };

  return (
    <div>
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={() => void exportLibrary()}>
          {t('canned.library.export')}
        </Button>
        <FileButton resetRef={resetFile} onChange={(f) => void importFile(f)} accept=".json,application/json" inputProps={{ 'aria-label': t('canned.library.import') }}>
          {(props) => (
            <Button variant="default" size="xs" {...props}>
              {t('canned.library.import')}
            </Button>
          )}
        </FileButton>
      </Group>
      {error && <ErrorText error={error} />}
      {result?.committed && (
        <Text role="status" size="sm" mt="xs">
          {t('canned.library.importDone', { added: result.added, updated: result.updated })}
        </Text>
      )}
      {result && !result.committed && (
        <Alert color="red" variant="light" mt="xs" title={t('canned.library.importRejected')}>
          <List size="sm" aria-label={t('canned.library.importRejected')}>
            {result.problems.map((p, i) => (
              <List.Item key={i}>
                {t('canned.library.problem', { line: p.line })}
                {p.item !== null && <>, {t('canned.library.problemItem', { item: p.item })}</>}
                {p.field && <>, <code>{p.field}</code></>}: {importProblemText(p, t as unknown as Translate, i18n.language)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </div>
  );
}
