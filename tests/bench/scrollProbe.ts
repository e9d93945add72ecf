/**
 * The page side of the queue-scroll benchmark (queue-scroll.bench.ts): installed with addInitScript before the app's
 * scripts, as source text so tsx adds no helpers the page lacks. Everything is timed with the page's own clock.
 *
 * Always on, from page load:
 * - every `/api/call/<name>` fetch the app makes (name, start, end): which refetches a change event caused;
 * - what the user sees refresh, read once per animation frame and kept each time its text changes: the header's
 *   import progress (the `status` inside the group named "Spool import", SpoolStatus.tsx), the queue's total (the
 *   heading "Queue N conversations", QueueHead.tsx) and the team's SLA counts (the group "Team SLA state").
 * Between `__scrollBench.start()` and `__scrollBench.stop()`:
 * - the time of every animation frame (requestAnimationFrame's timestamp: the frame's begin time);
 * - long tasks (PerformanceObserver 'longtask': main-thread tasks over 50 ms);
 * - frames in which a placeholder row ("Loading…") of the queue is on screen;
 * - the queue listbox's scrollTop at start and stop.
 */
export const SCROLL_PROBE = `(() => {
  const LIST = '[role="listbox"][aria-label="Conversations by priority"]';
  const STATUS = '[role="group"][aria-label="Spool import"] [role="status"]';
  const m = { calls: [], progress: [], total: [], counts: [], frames: [], longTasks: [], placeholderFrames: 0, measuring: false, scrollStart: 0, scrollEnd: 0, t0: 0, t1: 0 };
  Object.defineProperty(window, '__scrollBench', { value: m });

  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const hit = /\\/api\\/call\\/([^/?]+)/.exec(url);
    const p = realFetch(input, init);
    if (!hit) return p;
    const rec = { name: hit[1], start: performance.now(), end: null };
    m.calls.push(rec);
    // The answer counts as arrived when its body is read (the app awaits res.json()).
    return p.then((res) => {
      const json = res.json.bind(res);
      res.json = () => json().then((v) => { rec.end = performance.now(); return v; });
      return res;
    });
  };

  const last = new Map();
  const keep = (key, text) => {
    if (last.get(key) === text) return;
    last.set(key, text);
    m[key].push({ t: performance.now(), text });
  };
  const list = () => document.querySelector(LIST);
  const tick = (ts) => {
    const el = document.querySelector(STATUS);
    keep('progress', el ? el.textContent : null);
    const head = [...document.querySelectorAll('h2')].find((h) => h.textContent.startsWith('Queue'));
    keep('total', head ? head.textContent : null);
    const counts = document.querySelector('[role="group"][aria-label="Team SLA state"]');
    keep('counts', counts ? counts.textContent : null);
    if (m.measuring) {
      m.frames.push(ts);
      const l = list();
      if (l) {
        const box = l.getBoundingClientRect();
        for (const o of l.querySelectorAll('[role="option"]')) {
          if (o.getAttribute('aria-label') !== 'Loading…') continue;
          const r = o.getBoundingClientRect();
          if (r.bottom > box.top && r.top < box.bottom) { m.placeholderFrames++; break; }
        }
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  new PerformanceObserver((list) => {
    if (!m.measuring) return;
    for (const e of list.getEntries()) m.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });

  m.start = () => {
    m.frames = []; m.longTasks = []; m.placeholderFrames = 0;
    m.scrollStart = list() ? list().scrollTop : 0;
    m.t0 = performance.now();
    m.measuring = true;
  };
  m.stop = () => {
    m.measuring = false;
    m.t1 = performance.now();
    m.scrollEnd = list() ? list().scrollTop : 0;
    return { frames: m.frames, longTasks: m.longTasks, placeholderFrames: m.placeholderFrames, scrollStart: m.scrollStart, scrollEnd: m.scrollEnd, t0: m.t0, t1: m.t1 };
  };
})()`;

export interface ProbeWindow {
  frames: number[];
  longTasks: { start: number; duration: number }[];
  placeholderFrames: number;
  scrollStart: number;
  scrollEnd: number;
  t0: number;
  t1: number;
}
export interface ProbeCall {
  name: string;
  start: number;
  end: number | null;
}
/** One change of a watched text: the import progress ("Importing 42% · 12,000 lines", null while the header shows
 * no import), the queue heading ("Queue 50,123 conversations") or the SLA counts. */
export interface ProbeProgress {
  t: number;
  text: string | null;
}
export interface ProbeSeen {
  progress: ProbeProgress[];
  total: ProbeProgress[];
  counts: ProbeProgress[];
  calls: ProbeCall[];
}
