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

/** "2026-11-28 09:14" local: dense table cells (seconds on hover). */
export function formatMinute(ns: number | null | undefined): string {
  if (!ns) return '—';
  const d = nsToDate(ns);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
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

/** 0.9123 → "91.2 %"; null → "—". */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(1)} %`;
}

/** ns → seconds with 3 decimals ("0.120"), for Duration (s) columns. */
export function formatSeconds(ns: number | null | undefined): string {
  if (ns === null || ns === undefined || !Number.isFinite(ns)) return '—';
  const s = ns / 1e9;
  // Sub-millisecond steps keep 2 significant digits instead of "0.000".
  return s > 0 && s < 0.001 ? s.toPrecision(2) : s.toFixed(3);
}

/** "3.30124 V" */
export function formatValue(v: unknown, units?: string | null): string {
  const u = units ? ` ${units}` : '';
  if (typeof v === 'number') return `${formatNumber(v)}${u}`;
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return `${v}${u}`;
  return JSON.stringify(v);
}

/** "2026-11-28 09:14" relative-free, for "Latest" style cells. */
export function formatAgo(ns: number | null | undefined): string {
  if (!ns) return '—';
  const s = Math.round((Date.now() - ns / 1e6) / 1000);
  if (s < 0) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

/** ISO UTC string → the value of an <input type="datetime-local"> in local time. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** <input type="datetime-local"> value (local time) → ISO UTC, '' when empty. */
export function localInputToIso(v: string): string {
  if (!v) return '';
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}
