import { Paper, Stack, Text, Title } from '@mantine/core';
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
      <Stack component="main" aria-labelledby="trainee-title" p="xl" maw={720} gap="md">
        <Title order={2} id="trainee-title">
          {t('identity.trainee.title')}
        </Title>
        <Text>{t('identity.trainee.intro')}</Text>
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('identity.trainee.empty')}</Text>
        </Paper>
      </Stack>
    </div>
  );
}
