import { Center, Loader, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpeningProgress } from '../../../shared/contract/session';
import { api } from '../api/client';

/** How often the window asks how far opening has got (the answer is a few numbers). */
const POLL_MS = 400;

/**
 * The whole-screen wait before the first answer. While the core is still opening its store (seconds for a large one:
 * no other call can answer yet) it says what it is doing and how far it has got; otherwise, a spinner.
 */
export function OpeningPanel() {
  return <OpeningPanelView progress={useOpeningProgress()} />;
}

/** How far the core's opening has got, asked every POLL_MS while it is opening (null: not known, or not opening). */
export function useOpeningProgress(): OpeningProgress | null {
  const [progress, setProgress] = useState<OpeningProgress | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const r = await api.call['session.opening']({}).catch(() => null);
      if (stopped) return;
      setProgress(r?.ok ? r.value : null);
      // Asked again only while opening: once ready the other calls answer and this panel goes.
      if (!r?.ok || r.value.state === 'opening') timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return progress;
}

/** The progress as one sentence ("Reading the store (612 MB): 45 %"), or null when there is none to tell. */
export function useOpeningText(progress: OpeningProgress | null): string | null {
  const { t, i18n } = useTranslation();
  if (!progress || progress.state !== 'opening' || progress.step === null) return null;
  const percent = Math.floor(progress.fraction * 100);
  const size = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 }).format(progress.bytes / 1e6);
  return t(`app.opening.${progress.step}`, { percent, size });
}

export function OpeningPanelView({ progress }: { progress: OpeningProgress | null }) {
  const { t } = useTranslation();
  const text = useOpeningText(progress);
  if (!progress || text === null) {
    return (
      <Center mih="60vh" role="status" aria-label={t('app.loading')}>
        <Loader size="sm" />
      </Center>
    );
  }
  const percent = Math.floor(progress.fraction * 100);
  return (
    <Center mih="60vh">
      <Stack align="center" gap="xs" w={360}>
        <Progress.Root w="100%">
          <Progress.Section value={percent} aria-label={t('app.opening.label')} animated />
        </Progress.Root>
        <Text size="sm" c="dimmed" role="status">
          {text}
        </Text>
      </Stack>
    </Center>
  );
}
