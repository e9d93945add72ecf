import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from './session';

/** Quarantined store data is never silent: the agent sees it, with the file that keeps it. */
export function ProblemsBanner() {
  const { t } = useTranslation();
  const { problems } = useSession();
  const [dismissed, setDismissed] = useState(false);
  if (problems.length === 0 || dismissed) return null;
  return (
    <div role="alert" className="banner warning">
      <span>{t('app.storeProblems', { count: problems.length })}</span>
      <details>
        <summary>{t('app.showDetails')}</summary>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              {p.source}: {p.message} → <code>{p.quarantinedTo}</code>
            </li>
          ))}
        </ul>
      </details>
      <button type="button" onClick={() => setDismissed(true)}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
