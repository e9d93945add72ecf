import type { CallName, Input, Topic } from '../../../../shared/contract';
import { useCall, useChanges } from '../../api/hooks';

/**
 * What moves the figures: replies and status changes (queue), complaints, and the weights and targets (settings).
 * A rating publishes only its conversation's topic, so any conversation's change reloads too. The core computes
 * from stored events incrementally, so these refetches stay cheap.
 */
export const PERFORMANCE_TOPICS: Topic[] = ['queue', 'complaints', 'settings'];

/** useCall for the performance calls, kept fresh as above. */
export function usePerformanceCall<N extends CallName>(name: N, input: Input<N> | null) {
  const result = useCall(name, input, PERFORMANCE_TOPICS);
  useChanges((t) => t.startsWith('conversation:'), result.reload);
  return result;
}
