import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract';
import { errorMessage } from './errorMessage';

/**
 * A contract error in the user's language: the reason (a domain code, or which field is wrong and how), else the
 * kind's sentence. The core's English detail goes to the console for bug reports, never on screen.
 */
export function ErrorText({ error }: { error: ContractError }) {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    console.warn(`[kefu] ${error.kind}${error.code ? ` (${error.code})` : ''}: ${error.message}`, ...(error.issues ? [error.issues] : []));
  }, [error]);
  return (
    <p role="alert" className="error" data-error-kind={error.kind}>
      {errorMessage(error, t as unknown as (key: string, options?: Record<string, unknown>) => string, i18n.language)}
    </p>
  );
}
