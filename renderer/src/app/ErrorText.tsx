import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract';

/** A contract error in the user's language, with the core's detail for a bug report. */
export function ErrorText({ error }: { error: ContractError }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="error">
      {t(`errors.${error.kind}`)} <span className="error-detail">{error.message}</span>
    </p>
  );
}
