/**
 * Counts the event loop's turns (macrotasks) from now until `stop`: a test of work that must let the loop run (a
 * long open) reads `count()` at two moments and expects it to have moved between them.
 */
export function loopTurns(): { count: () => number; stop: () => void } {
  let turns = 0;
  let spinning = true;
  const spin = () => {
    if (!spinning) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  return { count: () => turns, stop: () => void (spinning = false) };
}
