import { useState, type ChangeEvent } from 'react';
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

  const exportLibrary = async () => {
    const r = await api.call['canned.export']({});
    if (r.ok) download(r.value.fileName, r.value.text);
    else setError(r.error);
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const r = await api.call['canned.import']({ text: await file.text() });
    input.value = ''; // the same file can be chosen again after fixing it
    setError(r.ok ? null : r.error);
    setResult(r.ok ? r.value : null);
    // The core's English detail of each problem is for bug reports: the console, never the screen.
    if (r.ok && r.value.problems.length > 0) console.warn('[kefu] canned import rejected', r.value.problems);
  };

  return (
    <div>
      <div className="canned-library-toolbar">
        <button type="button" onClick={() => void exportLibrary()}>
          {t('canned.library.export')}
        </button>
        <label>
          {t('canned.library.import')} <input type="file" accept=".json,application/json" onChange={(e) => void importFile(e)} />
        </label>
      </div>
      {error && <ErrorText error={error} />}
      {result?.committed && (
        <p role="status">{t('canned.library.importDone', { added: result.added, updated: result.updated })}</p>
      )}
      {result && !result.committed && (
        <div role="alert" className="canned-import-problems">
          <p>{t('canned.library.importRejected')}</p>
          <ul aria-label={t('canned.library.importRejected')}>
            {result.problems.map((p, i) => (
              <li key={i}>
                {t('canned.library.problem', { line: p.line })}
                {p.item !== null && <>, {t('canned.library.problemItem', { item: p.item })}</>}
                {p.field && <>, <code>{p.field}</code></>}: {importProblemText(p, t as unknown as Translate, i18n.language)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
