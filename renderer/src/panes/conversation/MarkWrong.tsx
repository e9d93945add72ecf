import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';

/**
 * "This bot answer was wrong": puts the answer on the lead's review list (bot.markWrong) and says it did. Marking
 * the same answer again replaces the earlier mark in the core, so the button simply stays usable until it worked.
 */
export function MarkWrong({ messageId }: { messageId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'sending' | 'done'>('idle');
  const [error, setError] = useState<ContractError | null>(null);
  const mark = async () => {
    setState('sending');
    const r = await api.call['bot.markWrong']({ messageId });
    setState(r.ok ? 'done' : 'idle');
    setError(r.ok ? null : r.error);
  };
  if (state === 'done')
    return (
      <Text size="xs" c="dimmed" role="status">
        {t('conversation.markedWrong')}
      </Text>
    );
  return (
    <>
      <Button variant="subtle" color="gray" size="compact-xs" title={t('conversation.markWrongLabel')} loading={state === 'sending'} onClick={() => void mark()}>
        {t('conversation.markWrong')}
      </Button>
      {error && <ErrorText error={error} />}
    </>
  );
}
