// Views of one run shared by the Results detail and the Live monitor:
// stats cards, the steps table, the measurements table.

import type { Measurement, RunDetail } from '../api';
import { afterNextFrame, fill, h } from '../dom';
import { formatNumber, formatPercent, formatSeconds } from '../format';
import { stepState, type StepVector } from './run-model';
import { outcomeBadge } from './status';
import { emptyRow, pager } from './table';

function kv(obj: Record<string, unknown> | null | undefined): HTMLElement | string {
  if (!obj || !Object.keys(obj).length) return h('span', { class: 'muted' }, '—');
  return h(
    'span',
    { class: 'kv' },
    ...Object.entries(obj).flatMap(([k, v], i) => [i ? '  ' : '', h('b', {}, `${k}=`), typeof v === 'number' ? formatNumber(v) : typeof v === 'string' ? v : JSON.stringify(v)]),
  );
}

export function valueCell(m: Measurement): HTMLElement {
  return h(
    'td',
    { class: 'num value', 'data-testid': 'meas-value', 'data-value': m.value === null ? '' : String(m.value) },
    m.value === null ? '—' : formatNumber(m.value),
    m.units ? h('span', { class: 'units' }, ` ${m.units}`) : null,
  );
}

export function limitsText(m: Measurement): string {
  if (m.low === null && m.high === null) return m.nominal !== null ? `nominal ${formatNumber(m.nominal)}` : '';
  const lo = m.low === null ? '−∞' : formatNumber(m.low);
  const hi = m.high === null ? '+∞' : formatNumber(m.high);
  return `${lo} – ${hi}`;
}

/** Step stats and measurement stats cards (Overview). */
export function statsCards(run: RunDetail): HTMLElement {
  const ss = run.step_stats;
  const ms = run.measurement_stats;
  const judged = ss.passed + ss.failed + ss.errored;
  const stepRate = judged > 0 ? ss.passed / judged : null;
  const box = (n: number, label: string, testid: string, color?: string) =>
    h('div', { 'data-testid': testid }, h('div', { class: 'n', style: color ? `color:var(${color})` : null }, String(n)), h('div', { class: 'l' }, label));
  return h(
    'div',
    { class: 'stat-cards' },
    h(
      'section',
      { class: 'card', 'data-testid': 'step-stats' },
      h('div', { class: 'card-head' }, h('h3', {}, 'Steps'), h('span', { class: 'muted' }, `${ss.total} vector${ss.total === 1 ? '' : 's'}${ss.attempts && ss.attempts > ss.total ? ` · ${ss.attempts} attempts` : ''}`)),
      h('div', { class: 'big-rate', 'data-testid': 'step-pass-rate' }, formatPercent(stepRate), h('span', { class: 'muted', style: 'font-size:12px;font-weight:400' }, ' passed')),
      h(
        'div',
        { class: 'breakdown' },
        box(ss.passed, 'Passed', 'ss-passed', '--pass'),
        box(ss.failed, 'Failed', 'ss-failed', '--fail'),
        box(ss.errored, 'Errored', 'ss-errored', '--err'),
        box(ss.skipped + (ss.done ?? 0), 'Skipped / done', 'ss-skipped'),
        box(ss.never_ran, 'Never ran', 'ss-never_ran', '--never'),
        box(ss.running, 'Running', 'ss-running', '--run'),
        box(ss.pending, 'Pending', 'ss-pending'),
        box((ss.aborted ?? 0) + (ss.terminated ?? 0), 'Aborted / term.', 'ss-aborted', '--abort'),
      ),
    ),
    h(
      'section',
      { class: 'card', 'data-testid': 'measurement-stats' },
      h('div', { class: 'card-head' }, h('h3', {}, 'Measurements'), h('span', { class: 'muted' }, `${ms.total} recorded`)),
      h('div', { class: 'big-rate', 'data-testid': 'meas-pass-rate' }, formatPercent(ms.pass_rate), h('span', { class: 'muted', style: 'font-size:12px;font-weight:400' }, ' within limits')),
      h(
        'div',
        { class: 'breakdown' },
        box(ms.passed, 'Passed', 'ms-passed', '--pass'),
        box(ms.failed, 'Failed', 'ms-failed', '--fail'),
        box(ms.errored ?? 0, 'Errored', 'ms-errored', '--err'),
        box(ms.done ?? 0, 'Not judged', 'ms-done'),
      ),
    ),
  );
}

/** One row per (step_path, vector_index), its last attempt. */
export function stepsTable(vectors: StepVector[], opts: { emptyText: string }): HTMLElement {
  const body = h('tbody', { 'data-testid': 'steps-body' });
  if (!vectors.length) fill(body, emptyRow(8, opts.emptyText, 'steps-empty'));
  vectors.forEach((v, i) => {
    const s = v.step;
    const state = stepState(s);
    const failures = s.failures ?? [];
    const outputs = v.measurements.map((m) => ({ [m.name]: m.value === null ? '—' : `${formatNumber(m.value)}${m.units ? ` ${m.units}` : ''}` }));
    body.append(
      h(
        'tr',
        {
          'data-testid': 'step-row',
          'data-step-path': s.step_path,
          'data-vector': s.vector_index,
          'data-outcome': state,
          class: state === 'failed' || state === 'errored' ? 'row-fail' : null,
          title: s.error || failures.map((f) => f.message).join('\n') || null,
        },
        h('td', { class: 'num muted' }, String(i + 1)),
        h('td', { class: 'mono strong' }, s.step_path),
        h('td', { class: 'num' }, s.vector_index >= 0 ? String(s.vector_index) : '—'),
        h('td', {}, outcomeBadge(state), v.attempts > 1 ? h('span', { class: 'badge', title: `${v.attempts} attempts`, 'data-testid': 'step-retries' }, `×${v.attempts}`) : null),
        h('td', { class: 'num', 'data-testid': 'step-duration' }, s.duration_ns !== null && s.duration_ns !== undefined ? formatSeconds(s.duration_ns) : '—'),
        h('td', { class: 'num' }, String(s.measurement_count ?? v.measurements.length)),
        h('td', { class: 'wrap' }, kv(s.inputs)),
        h('td', { class: 'wrap' }, kv(Object.assign({}, ...outputs))),
      ),
    );
  });
  return h(
    'table',
    { class: 'grid', 'data-testid': 'steps-table' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', { class: 'num' }, '#'), h('th', {}, 'Step path'), h('th', { class: 'num' }, 'Vector'), h('th', {}, 'Outcome'), h('th', { class: 'num' }, 'Duration (s)'), h('th', { class: 'num' }, 'Measurements'), h('th', {}, 'Inputs'), h('th', {}, 'Outputs')),
    ),
    body,
  );
}

/** One row of the measurements table. */
export function measurementRow(m: Measurement, compact = false): HTMLElement {
  const bad = m.outcome === 'failed' || m.outcome === 'errored';
  const channel = m.instrument_channel;
  return h(
    'tr',
    { 'data-testid': 'meas-row', 'data-name': m.name, 'data-outcome': m.outcome, 'data-seq': m.seq, class: bad ? 'row-fail' : null, title: m.error || null },
    h('td', { class: 'mono' }, m.step_path || '—', m.vector_index !== null && m.vector_index >= 0 ? h('span', { class: 'muted' }, ` [${m.vector_index}]`) : null),
    h(
      'td',
      { class: 'strong' },
      m.name,
      channel && !compact ? h('a', { href: `/channels/${encodeURIComponent(channel)}`, class: 'ref', style: 'margin-left:8px;font-weight:400', 'data-testid': 'meas-channel', title: 'Instrument channel' }, channel) : null,
    ),
    valueCell(m),
    h('td', { class: 'num', 'data-testid': 'meas-limits' }, limitsText(m) || h('span', { class: 'muted' }, '—'), m.comparator && !compact ? h('span', { class: 'muted', style: 'margin-left:6px' }, m.comparator) : null),
    h('td', {}, outcomeBadge(m.outcome || 'done')),
  );
}

/**
 * Rows a `progressive` table builds before its first frame: what a
 * window of this height shows below a run header (rows are ~29 px;
 * 25 rows at 800 px, 37 at 1080 px). Style, layout and paint of a table
 * cost in proportion to its rows, so the rest waits for the frame after.
 */
export function firstScreenRows(): number {
  return Math.max(20, Math.ceil((window.innerHeight - 200) / 25) + 1);
}

/**
 * The measurements table, client-paged. Newest last (run order) unless
 * `newestFirst`. `progressive`: the first firstScreenRows() rows now, the
 * rest of the page after the next frame (for a table that appears on an
 * empty screen, not for one that replaces a table in place: the page
 * would shrink for a frame).
 */
export function measurementsTable(
  all: Measurement[],
  opts: { page: number; size: number; onPage?: (page: number, size: number) => void; newestFirst?: boolean; emptyText: string; compact?: boolean; progressive?: boolean },
): HTMLElement {
  const list = opts.newestFirst ? all.slice().reverse() : all;
  const from = opts.page * opts.size;
  const body = h('tbody', { 'data-testid': 'meas-body' });
  if (!list.length) fill(body, emptyRow(5, opts.emptyText, 'meas-empty'));
  const rows = list.slice(from, from + opts.size);
  const now = opts.progressive ? rows.slice(0, firstScreenRows()) : rows;
  for (const m of now) body.append(measurementRow(m, opts.compact));
  if (now.length < rows.length) {
    body.dataset.pending = 'true';
    afterNextFrame(() => {
      const rest = document.createDocumentFragment();
      for (const m of rows.slice(now.length)) rest.append(measurementRow(m, opts.compact));
      body.append(rest);
      delete body.dataset.pending;
    });
  }
  const table = h(
    'table',
    { class: `grid${opts.compact ? ' compact' : ''}`, 'data-testid': 'meas-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Step'), h('th', {}, 'Measurement'), h('th', { class: 'num' }, 'Value'), h('th', { class: 'num' }, 'Limits'), h('th', {}, 'Outcome'))),
    body,
  );
  return h('div', {}, h('div', { class: 'scroll' }, table), measurementsFoot(list, opts));
}

/**
 * The measurements table's foot (failed count and pager), or null when it
 * has none: no `onPage`, or everything fits on one page.
 */
export function measurementsFoot(list: Measurement[], opts: { page: number; size: number; onPage?: (page: number, size: number) => void }): HTMLElement | null {
  const onPage = opts.onPage;
  if (!onPage || list.length <= Math.min(opts.size, 50)) return null;
  return h(
    'div',
    { class: 'table-foot', 'data-testid': 'meas-foot' },
    h('span', { class: 'muted' }, `${list.filter((m) => m.outcome === 'failed').length} failed`),
    pager({ offset: opts.page * opts.size, limit: opts.size, total: list.length }, (n) => onPage(Math.floor(n.offset / n.limit), n.limit), [50, 100, 250, 500]),
  );
}
