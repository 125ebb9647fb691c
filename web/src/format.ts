// Display formatting. Stored times are UTC ns; operators read local time.

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ns since epoch → Date (ms precision is all a JS number keeps anyway). */
export function nsToDate(ns: number): Date {
  return new Date(ns / 1e6);
}

/** "2026-11-28 09:14:03" in the browser's time zone. */
export function formatDateTime(ns: number | null | undefined): string {
  if (!ns) return '—';
  const d = nsToDate(ns);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(d)}`;
}

/** Compact start time for lists: "09:14:03" today, else "2026-11-27 09:14". */
export function formatStarted(ns: number | null | undefined): string {
  if (!ns) return '—';
  const d = nsToDate(ns);
  const now = new Date();
  if (d.toDateString() === now.toDateString()) return formatClock(d);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "09:14:03.512" local: reads come in bursts, so milliseconds matter. */
export function formatTime(ns: number | null | undefined): string {
  if (!ns) return '—';
  const d = nsToDate(ns);
  return `${formatClock(d)}.${pad(d.getMilliseconds(), 3)}`;
}

function formatClock(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Full ISO UTC for tooltips, so the stored value is one hover away. */
export function formatIsoUtc(ns: number | null | undefined): string {
  return ns ? nsToDate(ns).toISOString() : '';
}

/** 6 significant digits, no trailing zeros; exponent outside 1e-4…1e6. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(5).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(6)));
}

export function formatDuration(ns: number | null | undefined): string {
  if (ns === null || ns === undefined || !Number.isFinite(ns)) return '';
  if (ns < 1e3) return `${ns} ns`;
  if (ns < 1e6) return `${formatNumber(ns / 1e3)} µs`;
  if (ns < 1e9) return `${formatNumber(ns / 1e6)} ms`;
  return `${formatNumber(ns / 1e9)} s`;
}

export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}
