/**
 * The breached count on the window badge (macOS dock, Linux Unity launchers) or, where the platform has no badge,
 * in the window title. Pure of Electron: main/index.ts passes the real `app` / window, tests pass fakes.
 */
export interface BadgeSink {
  /** Electron's app.setBadgeCount: false where the platform has no badge. */
  setBadgeCount(n: number): boolean;
  /** Fallback where setBadgeCount is unsupported. */
  setTitle?(title: string): void;
}

export interface BadgeUpdater {
  /** Ask for the count and show it; overlapping calls coalesce into one follow-up. */
  update(): Promise<void>;
  readonly shown: number | null;
}

export function titleWith(base: string, breached: number): string {
  return breached > 0 ? `${base} (${breached})` : base;
}

export function createBadgeUpdater(sink: BadgeSink, breachedCount: () => Promise<number | null>, baseTitle = 'Kefu Desk'): BadgeUpdater {
  let shown: number | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const show = (n: number) => {
    if (n === shown) return;
    shown = n;
    const ok = sink.setBadgeCount(n);
    if (!ok) sink.setTitle?.(titleWith(baseTitle, n));
  };

  const run = async (): Promise<void> => {
    do {
      again = false;
      const n = await breachedCount().catch(() => null);
      if (n !== null && Number.isInteger(n) && n >= 0) show(n);
    } while (again);
  };

  return {
    update() {
      if (running) {
        again = true;
        return running;
      }
      running = run().finally(() => {
        running = null;
      });
      return running;
    },
    get shown() {
      return shown;
    },
  };
}

/** Topics after which the breached count may have changed. */
export const BADGE_TOPICS: ReadonlySet<string> = new Set(['queue', 'clock', 'settings', 'session']);
