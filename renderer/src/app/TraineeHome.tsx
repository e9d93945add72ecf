import { useTranslation } from 'react-i18next';
import { Header } from './Header';

/**
 * A trainee's home. Training mode (scenarios with simulated customers, graded automatically) fills it; until a
 * scenario is assigned it says so honestly. Nothing live is fetched here: the core refuses trainees live data.
 */
export function TraineeHome() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <Header />
      <main className="trainee-home" aria-labelledby="trainee-title">
        <h2 id="trainee-title">{t('identity.trainee.title')}</h2>
        <p>{t('identity.trainee.intro')}</p>
        <p className="empty">{t('identity.trainee.empty')}</p>
      </main>
    </div>
  );
}
