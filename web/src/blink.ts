// The live indicators (the dot of a running run's badge and "Live" tag,
// ACTIVE TESTS, the stream while it reconnects) blink: one timer dims and
// undims them all together, by a class on <html>.
//
// Why not a CSS animation: while one runs, Chromium makes a frame every
// vsync, and with software compositing (no GPU, as on a station PC or a
// VM) each costs the renderer and the compositor. Measured on a page
// following a run at one event a second: 2.1 s of CPU per 10 s with the
// animated dots, 1.0 s without (bench/BENCHMARKS.md §12) — 11 % of a core
// per open page, for a dot. The blink costs one small frame per toggle.

const PERIOD_MS = 700;
const DIM_CLASS = 'blink-dim';

/** Starts the blink (once per page); off for those who ask for less motion. */
export function startBlink(): void {
  const lessMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  window.setInterval(() => {
    const root = document.documentElement;
    if (lessMotion.matches) root.classList.remove(DIM_CLASS);
    else root.classList.toggle(DIM_CLASS);
  }, PERIOD_MS);
}
