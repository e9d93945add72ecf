import { Button } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeState } from '../../../../shared/contract/training';
import classes from './practice.module.css';

/**
 * The mark of a practice in the workspace: a banner (role status, named "Training") in the training colour with
 * the scenario's title, Finish and Abandon (asked once more: an abandoned attempt is kept but not graded); the
 * window title is prefixed "【培训】" / "[Training]" and the whole app framed in the training colour while it shows.
 */
export function PracticeBanner({ practice, busy, onFinish, onAbandon }: { practice: PracticeState; busy: boolean; onFinish(): void; onAbandon(): void }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  // The Abandon button is replaced by the question: focus goes to the safe answer, not to the page.
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);
  useTrainingTitle(t('training.banner.titlePrefix'), i18n.language);
  return (
    <div role="status" aria-label={t('training.banner.name')} className={classes.banner} data-training-banner="">
      <span className={classes.label}>{t('training.banner.label')}</span>
      <span className={classes.title} title={practice.scenarioTitle}>
        {t('training.banner.scenario', { title: practice.scenarioTitle })}
      </span>
      <div className={classes.actions}>
        {confirming ? (
          <>
            <span className={classes.confirm}>{t('training.banner.abandonQuestion')}</span>
            <Button size="xs" variant="default" loading={busy} onClick={onAbandon}>
              {t('training.banner.abandonYes')}
            </Button>
            <Button size="xs" variant="default" ref={keepRef} onClick={() => setConfirming(false)}>
              {t('training.banner.keepGoing')}
            </Button>
          </>
        ) : (
          <>
            <Button size="xs" variant="default" loading={busy} onClick={onFinish}>
              {t('training.banner.finish')}
            </Button>
            <Button size="xs" variant="default" disabled={busy} onClick={() => setConfirming(true)}>
              {t('training.banner.abandon')}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}

/** Prefixes the window title and frames the app while mounted; both are restored when the practice ends. */
function useTrainingTitle(prefix: string, language: string) {
  useEffect(() => {
    const before = document.title;
    document.title = `${prefix}${before}`;
    document.documentElement.setAttribute('data-training', '');
    return () => {
      document.title = before;
      document.documentElement.removeAttribute('data-training');
    };
  }, [prefix, language]);
}
