import { Button, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { ResultView } from './ResultView';

/** One attempt's result, loaded by id, with the way back; focus goes to the result's heading when it shows. */
export function AttemptView({ attemptId, onBack, backLabel }: { attemptId: string; onBack(): void; backLabel: string }) {
  const { t } = useTranslation();
  const result = useCall('training.attempt', { attemptId }, ['training']);
  const ref = useRef<HTMLDivElement>(null);
  const loaded = result.status === 'ok';
  useEffect(() => {
    if (loaded) ref.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [loaded, attemptId]);
  return (
    <div ref={ref}>
      <Button size="xs" variant="default" mb="sm" onClick={onBack}>
        {backLabel}
      </Button>
      {result.status === 'error' && <ErrorText error={result.error} />}
      {result.status === 'loading' && <Text className="loading">{t('app.loading')}</Text>}
      {result.status === 'ok' && <ResultView result={result.value} />}
    </div>
  );
}
