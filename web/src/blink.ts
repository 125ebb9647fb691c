// The one clock of a live page's small changes. Every 700 ms it dims or
// undims the live indicators (the dot of a running run's badge and "Live"
// tag, ACTIVE TESTS, the stream while it reconnects), by a class on
// <html>, and runs the tick handlers (onBlinkTick): the end of a fresh
// row's tint (ArrivalMarks) lands in the same frame as the blink. While
// stream events keep changing the page, ticks move into their frames
// (blinkWithChange, called by live.ts).
//
// Why a timer and not a CSS animation: while one runs, Chromium makes a
// frame every vsync, and with software compositing (no GPU, as on a
// station PC or a VM) each costs the renderer, the compositor and the
// browser. Measured on a page following a run at one event a second: 2.1 s
// of CPU per 10 s with the animated dots, 1.0 s without (bench/BENCHMARKS.md
// §12) — 11 % of a core per open page, for a dot. And why one clock: each
// frame has a cost of its own in three processes, whatever it changes, so
// changes that need no moment of their own share one.

const PERIOD_MS = 700;
/**
 * A tick shares the frame of a change the page makes anyway (a stream
 * event it shows) once this long has passed since the last tick, and the
 * next tick of its own then waits QUIET_MS: a page following a run at one
 * event a second makes one frame a second instead of 2.4, its dots
 * blinking with the events.
 */
const SHARE_AFTER_MS = 600;
const QUIET_MS = 1050;
const DIM_CLASS = 'blink-dim';
const handlers = new Set<() => void>();
let lessMotion: MediaQueryList | null = null;
let timer: number | undefined;
let last = 0;

function tick(next: number): void {
  last = performance.now();
  for (const fn of handlers) fn();
  const root = document.documentElement;
  if (lessMotion?.matches) root.classList.remove(DIM_CLASS);
  else root.classList.toggle(DIM_CLASS);
  window.clearTimeout(timer);
  timer = window.setTimeout(() => tick(PERIOD_MS), next);
}

/** Starts the clock (once per page); no blink for those who ask for less motion. */
export function startBlink(): void {
  lessMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  last = performance.now();
  timer = window.setTimeout(() => tick(PERIOD_MS), PERIOD_MS);
}

/** The page is changing now (in this task): a tick that is nearly due comes now, in the same frame. */
export function blinkWithChange(): void {
  if (lessMotion && performance.now() - last >= SHARE_AFTER_MS) tick(QUIET_MS);
}
/** Runs `fn` on every tick of the clock, until the returned function is called. */
export function onBlinkTick(fn: () => void): () => void {
  handlers.add(fn);
  return () => handlers.delete(fn);
}
