import { useState } from 'react';
import { useNow } from '../../app/session';
import { lastDays, type PeriodPreset } from './period';

/** The chosen preset and the Beijing dates it stands for today, by the core's clock. */
export function usePeriod(initial: PeriodPreset = 30) {
  const now = useNow();
  const [preset, setPreset] = useState<PeriodPreset>(initial);
  return { preset, setPreset, period: lastDays(now, preset) };
}
