import { QueryClient } from '@tanstack/react-query';

/**
 * The renderer's one cache of contract calls (keyed by call name and input; see api/hooks.ts). Freshness comes
 * from the core's change topics, not from timers: nothing goes stale on its own, nothing refetches on focus.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
  },
});
