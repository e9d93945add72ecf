/** Time is injected: every rule and service asks the clock, so tests move time instead of sleeping. */
export interface Clock {
  now(): number;
  /** Only a manual clock can be moved; the system clock returns false. */
  readonly manual: boolean;
  advance(ms: number): boolean;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  manual: false,
  advance: () => false,
};

export function manualClock(start: number): Clock {
  let now = start;
  return {
    now: () => now,
    manual: true,
    advance(ms: number) {
      now += ms;
      return true;
    },
  };
}
