// The tabs of "/metrics": each fetches its lens for the page's filter and
// builds its panels. Definitions of every number: docs/metrics.md.

import { api, type CpkRow, type MetricsFilter, type MetricsPeriod, type ParetoGroup } from '../api';
import { cssColor, horizontalBars, MetricChart, stack } from '../components/metric-charts';
import { segmented } from '../components/metric-filters';
import { dash, runHref } from '../components/run-table';
import { emptyRow, followRowLink, navigableRows } from '../components/table';
import { fill, h } from '../dom';
import { formatIsoUtc, formatMinute, formatNumber, formatPercent, shortId } from '../format';

export interface MetricsState {
  tab: MetricsTab;
  filter: MetricsFilter;
  period: MetricsPeriod;
  group_by: ParetoGroup;
  min_samples: number;
  /** Cpk tab: the row whose histogram is open (cpkKey), kept in the URL. */
  cpk_row: string | null;
}

export type MetricsTab = 'yield' | 'pareto' | 'cpk' | 'retest' | 'time-loss' | 'assets';

export interface ViewContext {
  state: MetricsState;
  signal: AbortSignal;
  go(next: Partial<MetricsState>): void;
  /** Puts `next` in the URL without a new history entry or a reload. */
  remember(next: Partial<MetricsState>): void;
  /** Charts to destroy when the view is rebuilt. */
  charts: MetricChart[];
}

export type View = (ctx: ViewContext) => Promise<HTMLElement>;

const TOP = 15;
const BINS = 24;

const PERIODS: { id: MetricsPeriod; label: string }[] = [
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
  { id: 'month', label: 'Month' },
];

function periodControl(ctx: ViewContext): HTMLElement {
  return segmented(PERIODS, ctx.state.period, (period) => ctx.go({ period }), 'period');
}

function panel(title: string, testid: string, ...body: (Node | null)[]): HTMLElement {
  return h('section', { class: 'panel', 'data-testid': testid }, h('header', { class: 'panel-head' }, h('h3', {}, title)), ...body);
}

function panelWith(title: string, control: Node, testid: string, ...body: (Node | null)[]): HTMLElement {
  return h('section', { class: 'panel', 'data-testid': testid }, h('header', { class: 'panel-head' }, h('h3', {}, title), control), ...body);
}

function chart(ctx: ViewContext, testid: string, height?: number): MetricChart {
  const c = new MetricChart(testid, height);
  ctx.charts.push(c);
  return c;
}

/** A table of rows that ↑/↓ move through; Enter (or a click) runs `open`. */
function table(testid: string, headers: (string | [string, 'num'])[], rows: HTMLElement[], empty: string, open: (row: HTMLElement) => void = followRowLink): HTMLElement {
  const body = h('tbody', {}, ...(rows.length ? rows : [emptyRow(headers.length, empty)]));
  navigableRows(body, open);
  return h(
    'div',
    { class: 'scroll' },
    h(
      'table',
      { class: 'grid compact', 'data-testid': testid },
      h('thead', {}, h('tr', {}, ...headers.map((x) => (typeof x === 'string' ? h('th', {}, x) : h('th', { class: 'num' }, x[0]))))),
      body,
    ),
  );
}

const num = (text: string, testid?: string) => h('td', { class: 'num', 'data-testid': testid ?? null }, text);
const seconds = (s: number) => s.toFixed(1);
const fixed2 = (v: number | null) => (v === null ? '—' : v.toFixed(2));
/** 4 significant digits: enough to read a mean or σ against its limits. */
const short = (v: number) => formatNumber(Number(v.toPrecision(4)));

function stat(label: string, value: string, testid: string, cls = '', note: string | null = null): HTMLElement {
  return h(
    'div',
    { class: `stat ${cls}`, 'data-testid': testid },
    h('div', { class: 'label' }, label),
    h('div', { class: 'value', 'data-testid': `${testid}-value` }, value),
    note ? h('div', { class: 'muted stat-note' }, note) : null,
  );
}

export const yieldView: View = async (ctx) => {
  const { filter, period } = ctx.state;
  const [s, trend] = await Promise.all([api.summary(filter, ctx.signal), api.trend(filter, period, ctx.signal)]);
  const d = s.duration;
  const trendChart = chart(ctx, 'yield-chart');
  const labels = trend.points.map((p) => p.period);
  trendChart.periods(
    labels,
    [
      ...stack([
        { label: 'Passed', values: trend.points.map((p) => p.passed), color: cssColor('--pass') },
        { label: 'Failed', values: trend.points.map((p) => p.failed), color: cssColor('--fail') },
        { label: 'Errored', values: trend.points.map((p) => p.errored), color: cssColor('--err') },
        { label: 'Other', values: trend.points.map((p) => p.runs - p.passed - p.failed - p.errored), color: cssColor('--never') },
      ]),
      { label: 'Yield (passed ÷ runs)', values: trend.points.map((p) => p.yield), color: cssColor('--accent'), line: true, axis: 'right' },
    ],
    { left: 'runs', right: 'yield' },
  );
  const rows = trend.points.map((p) =>
    h(
      'tr',
      { tabindex: 0, 'data-testid': 'trend-row', 'data-period': p.period },
      h('td', { class: 'mono', title: formatIsoUtc(p.start) }, p.period),
      num(String(p.runs)),
      num(String(p.passed)),
      num(String(p.failed)),
      num(String(p.errored)),
      num(formatPercent(p.yield)),
    ),
  );
  return h(
    'div',
    { class: 'tab-body' },
    h(
      'div',
      { class: 'stats', 'data-testid': 'yield-stats' },
      stat('First Pass Yield', formatPercent(s.first_pass_yield), 'stat-fpy', '', `${s.first_pass_passed} of ${s.serials} serials`),
      stat('Final Yield', formatPercent(s.final_yield), 'stat-final-yield', '', `${s.final_passed} of ${s.serials} serials`),
      stat('Total Runs', String(s.runs), 'stat-runs', '', `${s.passed} passed`),
      stat('Total Failures', String(s.failed), 'stat-failures', 'fail', 'runs that failed'),
      stat('Errored', String(s.errored), 'stat-errored', 'err', 'could not judge'),
      stat('Aborted', String(s.aborted + s.terminated), 'stat-aborted', '', `${s.terminated} terminated`),
    ),
    h(
      'div',
      { class: 'stats four', 'data-testid': 'time-stats' },
      stat('Average run time', d ? `${seconds(d.average_s)} s` : '—', 'stat-time-avg', '', d ? `over ${d.count} runs` : null),
      stat('Minimum', d ? `${seconds(d.min_s)} s` : '—', 'stat-time-min'),
      stat('Maximum', d ? `${seconds(d.max_s)} s` : '—', 'stat-time-max'),
      stat('P95', d ? `${seconds(d.p95_s)} s` : '—', 'stat-time-p95', '', 'nearest rank'),
    ),
    h(
      'p',
      { class: 'metric-note', 'data-testid': 'untested-note' },
      'Yields count serials, not runs: first pass yield by each serial’s first tested run, final yield by its last. ',
      'A serial whose first run was aborted before any step ran counts as not tested',
      s.untested_serials ? ` (${s.untested_serials} here)` : '',
      ', and is in neither yield.',
      s.runs_without_serial ? ` ${s.runs_without_serial} runs without a DUT serial count in the run totals only.` : '',
    ),
    panelWith('Yield trend', periodControl(ctx), 'yield-trend', trendChart.el, table('trend-table', ['Period', ['Runs', 'num'], ['Passed', 'num'], ['Failed', 'num'], ['Errored', 'num'], ['Yield', 'num']], rows, 'No runs in this window.', () => {})),
  );
};

const GROUPS: { id: ParetoGroup; label: string }[] = [
  { id: 'product', label: 'Product' },
  { id: 'step', label: 'Step' },
  { id: 'measurement', label: 'Measurement' },
];

export const paretoView: View = async (ctx) => {
  const p = await api.pareto(ctx.state.filter, ctx.state.group_by, TOP, ctx.signal);
  const bars = p.rows.length
    ? h('div', { class: 'panel-body' }, horizontalBars(p.rows.map((r) => ({ label: r.label, value: r.failures, note: `${r.failures} · ${formatPercent(r.fail_rate)}` })), cssColor('--fail'), 'pareto-chart'))
    : h('div', { class: 'panel-body muted', 'data-testid': 'pareto-none' }, 'No failures in this window.');
  const rows = p.rows.map((r, i) =>
    h(
      'tr',
      { tabindex: 0, 'data-testid': 'pareto-row', 'data-label': r.label },
      num(String(i + 1)),
      h('td', { class: 'mono strong' }, r.label),
      num(String(r.failures), 'cell-failures'),
      num(String(r.total)),
      num(formatPercent(r.fail_rate), 'cell-fail-rate'),
      num(formatPercent(r.cumulative_share)),
    ),
  );
  const control = h(
    'div',
    { class: 'panel-tools' },
    h('span', { class: 'muted' }, 'Group by'),
    segmented(GROUPS, ctx.state.group_by, (group_by) => ctx.go({ group_by }), 'group-by'),
    h('span', { class: 'count', 'data-testid': 'pareto-total' }, `${p.total_failures} failures`),
  );
  const what = { product: 'runs that failed', step: 'failed step attempts', measurement: 'failed measurements' }[p.group_by];
  return h(
    'div',
    { class: 'tab-body' },
    panelWith(`Failures by ${p.group_by} (top ${TOP}, ${what})`, control, 'pareto-panel', bars),
    panel(
      'Pareto table',
      'pareto-table-panel',
      table('pareto-table', [['#', 'num'], GROUPS.find((g) => g.id === p.group_by)!.label, ['Failures', 'num'], ['Total', 'num'], ['Fail rate', 'num'], ['Cumulative', 'num']], rows, 'No failures in this window.', () => {}),
    ),
  );
};

function cpkKey(r: CpkRow): string {
  return JSON.stringify([r.product, r.station, r.step_path, r.name, r.vector_index, r.lsl, r.usl]);
}

function cpkBand(cpk: number | null): string {
  if (cpk === null) return 'cpk-none';
  return cpk >= 1.33 ? 'cpk-good' : cpk >= 1 ? 'cpk-warn' : 'cpk-bad';
}

export const cpkView: View = async (ctx) => {
  const { filter, min_samples } = ctx.state;
  const report = await api.cpk(filter, min_samples, ctx.signal);
  const histogram = chart(ctx, 'cpk-histogram', 260);
  const histTitle = h('h3', { 'data-testid': 'cpk-histogram-title' });
  const histFacts = h('span', { class: 'count', 'data-testid': 'cpk-histogram-facts' });
  const histPanel = h('section', { class: 'panel', 'data-testid': 'cpk-histogram-panel', hidden: true }, h('header', { class: 'panel-head' }, histTitle, histFacts), h('div', { class: 'panel-body' }, histogram.el));
  let histAbort: AbortController | null = null;
  ctx.signal.addEventListener('abort', () => histAbort?.abort());

  async function open(row: HTMLElement, reveal = true): Promise<void> {
    const r = report.rows[Number(row.dataset.index)];
    ctx.remember({ cpk_row: cpkKey(r) });
    for (const other of row.parentElement!.querySelectorAll('tr.selected')) other.classList.remove('selected');
    row.classList.add('selected');
    histPanel.hidden = false;
    fill(histTitle, `${r.step_path}: ${r.name}${r.vector_index ? ` [${r.vector_index}]` : ''} — ${r.product} on ${r.station}`);
    histAbort?.abort();
    histAbort = new AbortController();
    const signal = histAbort.signal;
    try {
      const data = await api.histogram(filter, r, BINS, signal);
      histogram.histogram(data);
      // uPlot sizes its canvas on the next frame: scroll once it has.
      if (reveal) requestAnimationFrame(() => histPanel.scrollIntoView({ block: 'nearest' }));
      fill(histFacts, `n = ${data.n} · mean ${data.mean === null ? '—' : formatNumber(data.mean)}${data.units ? ` ${data.units}` : ''}`);
    } catch (err) {
      if (signal.aborted) return;
      histogram.showEmpty(`Could not load the values: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  const limit = (v: number | null) => (v === null ? h('span', { class: 'muted' }, '—') : formatNumber(v));
  const rows = report.rows.map((r, i) => {
    const oneSided = r.lsl === null || r.usl === null;
    const undefinedText = r.undefined_reason || null;
    return h(
      'tr',
      { tabindex: 0, 'data-testid': 'cpk-row', 'data-index': i, 'data-cpk': r.cpk ?? '', 'data-band': cpkBand(r.cpk), 'aria-label': `Histogram of ${r.step_path}: ${r.name}` },
      h('td', { class: 'mono' }, r.product),
      h('td', {}, r.station),
      h('td', { class: 'mono strong ellipsis', title: `${r.step_path}: ${r.name}` }, `${r.step_path}: ${r.name}`, r.vector_index ? h('span', { class: 'muted' }, ` [${r.vector_index}]`) : null),
      num(String(r.n), 'cell-n'),
      h('td', { class: 'num', title: `mean ${r.mean}` }, short(r.mean), r.units ? h('span', { class: 'units' }, ` ${r.units}`) : null),
      h('td', { class: 'num', title: r.sigma_overall === null ? '' : `σ within runs ${r.sigma_within}; overall ${r.sigma_overall}` }, r.sigma_within === null ? '—' : short(r.sigma_within)),
      h('td', { class: 'num' }, limit(r.lsl)),
      h('td', { class: 'num' }, limit(r.usl)),
      h('td', { class: 'num' }, oneSided && !undefinedText ? h('span', { class: 'muted', title: 'Cp needs two limits' }, 'one-sided') : fixed2(r.cp)),
      h(
        'td',
        { class: `num cpk-cell ${cpkBand(r.cpk)}`, 'data-testid': 'cell-cpk' },
        undefinedText ? h('span', { class: 'undefined', title: 'Undefined: shown as such, not as a number' }, undefinedText) : fixed2(r.cpk),
      ),
      num(fixed2(r.ppk)),
      num(r.cpk_ci_low === null || r.cpk_ci_high === null ? '—' : `${r.cpk_ci_low.toFixed(2)} – ${r.cpk_ci_high.toFixed(2)}`),
    );
  });
  const minInput = h('input', { type: 'number', min: 2, max: 1000000, value: min_samples, 'data-testid': 'min-samples', 'aria-label': 'Minimum samples', style: 'width:80px;min-width:0' });
  const applyMin = () => {
    const n = Math.floor(Number(minInput.value));
    if (n >= 2 && n <= 1000000 && n !== min_samples) ctx.go({ min_samples: n });
  };
  minInput.addEventListener('change', applyMin);
  minInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') applyMin();
  });
  const tools = h(
    'div',
    { class: 'panel-tools' },
    h('span', { class: 'band-legend' }, h('i', { class: 'cpk-good' }, '≥ 1.33'), h('i', { class: 'cpk-warn' }, '1.00 – 1.33'), h('i', { class: 'cpk-bad' }, '< 1.00')),
    h('label', { class: 'muted' }, 'Min samples ', minInput),
  );
  const view = h(
    'div',
    { class: 'tab-body' },
    panelWith(
      'Capability per measurement, worst first',
      tools,
      'cpk-panel',
      h(
        'div',
        { class: 'cpk-table' },
        table('cpk-table', ['Product', 'Station', 'Measurement', ['n', 'num'], ['Mean', 'num'], ['σ', 'num'], ['LSL', 'num'], ['USL', 'num'], ['Cp', 'num'], ['Cpk', 'num'], ['Ppk', 'num'], ['95 % CI', 'num']], rows, 'No limited measurements in this window.', (row) => void open(row)),
      ),
      h('div', { class: 'table-foot' }, h('span', { class: 'kbd-hint' }, '↑↓ move · Enter shows the histogram'), h('span', { class: 'muted' }, `σ within runs; indices need n ≥ ${report.min_samples}`)),
    ),
    histPanel,
  );
  // The row the URL names stays open across refreshes and reloads.
  const again = report.rows.findIndex((r) => cpkKey(r) === ctx.state.cpk_row);
  if (again >= 0) void open(rows[again], false);
  return view;
};

export const retestView: View = async (ctx) => {
  const r = await api.retest(ctx.state.filter, ctx.state.period, TOP, ctx.signal);
  const c = chart(ctx, 'retest-chart');
  c.periods(
    r.periods.map((p) => p.period),
    [
      { label: 'Serials', values: r.periods.map((p) => p.serials), color: '#c9d3e3' },
      { label: 'Retested', values: r.periods.map((p) => p.retested), color: cssColor('--err') },
      { label: 'Rate', values: r.periods.map((p) => p.rate), color: cssColor('--accent'), line: true, axis: 'right' },
    ],
    { left: 'serials', right: 'retest rate' },
  );
  const rows = r.periods.map((p) =>
    h(
      'tr',
      { tabindex: 0, 'data-testid': 'retest-row' },
      h('td', { class: 'mono', title: formatIsoUtc(p.start) }, p.period),
      num(String(p.serials)),
      num(String(p.retested)),
      num(formatPercent(p.rate)),
      num(p.average_retries === null ? '—' : p.average_retries.toFixed(2)),
    ),
  );
  const nff = r.no_fault_found.map((n) =>
    h(
      'tr',
      { tabindex: 0, 'data-testid': 'nff-row', 'data-serial': n.serial },
      h('td', { class: 'mono strong' }, n.serial),
      h('td', { class: 'mono' }, dash(n.product)),
      h('td', {}, dash(n.station)),
      num(String(n.count)),
      h('td', { class: 'mono', title: formatIsoUtc(n.passed_ts) }, formatMinute(n.passed_ts)),
      h(
        'td',
        { class: 'mono' },
        h('a', { href: runHref({ run_id: n.passed_run_id }), title: 'The passing run' }, shortId(n.passed_run_id)),
        h('span', { class: 'muted' }, ' after '),
        h('a', { href: runHref({ run_id: n.failed_run_id }), title: 'The failing run before it' }, shortId(n.failed_run_id)),
      ),
    ),
  );
  return h(
    'div',
    { class: 'tab-body' },
    panelWith('Retests per period of each serial’s first run', periodControl(ctx), 'retest-panel', c.el, table('retest-table', ['Period', ['Serials', 'num'], ['Retested', 'num'], ['Rate', 'num'], ['Avg retries', 'num']], rows, 'No serials in this window.', () => {})),
    panel(
      'Likely no fault found: failed, then passed with nothing changed',
      'nff-panel',
      table('nff-table', ['Serial', 'Product', 'Station', ['Fail → pass', 'num'], 'Last pass', 'Runs'], nff, 'No serial failed and then passed on the same station, fixture, program and commit.'),
    ),
  );
};

export const timeLossView: View = async (ctx) => {
  const t = await api.timeLoss(ctx.state.filter, ctx.state.period, ctx.signal);
  const c = chart(ctx, 'time-loss-chart');
  c.periods(
    t.periods.map((p) => p.period),
    stack([
      { label: 'Passed', values: t.periods.map((p) => p.passed_s), color: cssColor('--pass') },
      { label: 'Failed', values: t.periods.map((p) => p.failed_s), color: cssColor('--fail') },
      { label: 'Errored', values: t.periods.map((p) => p.errored_s), color: cssColor('--err') },
      { label: 'Other (aborted, terminated …)', values: t.periods.map((p) => p.other_s), color: cssColor('--never') },
    ]),
    { left: 'seconds' },
  );
  const rows = t.periods.map((p) =>
    h(
      'tr',
      { tabindex: 0, 'data-testid': 'time-loss-row' },
      h('td', { class: 'mono', title: formatIsoUtc(p.start) }, p.period),
      num(seconds(p.passed_s)),
      num(seconds(p.failed_s)),
      num(seconds(p.errored_s)),
      num(seconds(p.other_s)),
      num(seconds(p.total_s)),
      num(formatPercent(p.total_s > 0 ? (p.failed_s + p.errored_s) / p.total_s : null)),
    ),
  );
  return h(
    'div',
    { class: 'tab-body' },
    panelWith(
      'Run time per period by outcome',
      periodControl(ctx),
      'time-loss-panel',
      c.el,
      table('time-loss-table', ['Period', ['Passed (s)', 'num'], ['Failed (s)', 'num'], ['Errored (s)', 'num'], ['Other (s)', 'num'], ['Total (s)', 'num'], ['Lost', 'num']], rows, 'No runs in this window.', () => {}),
    ),
  );
};

/** A calibration due date before today (local). */
function pastDue(due: string): boolean {
  const t = Date.parse(due);
  return Number.isFinite(t) && t < new Date().setHours(0, 0, 0, 0);
}

export const assetsView: View = async (ctx) => {
  const a = await api.assets(ctx.state.filter, ctx.signal);
  const bars = a.rows.length
    ? h('div', { class: 'panel-body' }, horizontalBars(a.rows.map((r) => ({ label: `${r.role} · ${r.resource || r.type}`, value: r.connected_s, note: formatPercent(r.share) })), cssColor('--accent'), 'assets-chart'))
    : h('div', { class: 'panel-body muted' }, 'No instrument connected in this window.');
  const rows = a.rows.map((r) => {
    const late = pastDue(r.calibration_due);
    const identity = [r.manufacturer, r.model].filter(Boolean).join(' ');
    return h(
      'tr',
      { tabindex: 0, 'data-testid': 'asset-row', 'data-role': r.role, class: late ? 'row-fail' : null },
      h('td', { class: 'strong' }, r.role),
      h('td', { class: 'mono ellipsis', title: r.resource }, dash(r.resource), r.mocked ? h('span', { class: 'badge badge-mock' }, 'MOCK') : null),
      h('td', {}, dash(identity), r.serial ? h('span', { class: 'muted mono' }, ` #${r.serial}`) : null),
      num(String(r.sessions)),
      num(seconds(r.connected_s)),
      h('td', { class: 'num' }, h('span', { class: 'share' }, h('i', { style: `width:${Math.round(100 * (r.share ?? 0))}%` })), formatPercent(r.share)),
      h(
        'td',
        { class: `mono${late ? ' past-due' : ''}`, 'data-testid': 'cell-calibration', 'data-past-due': late ? 'true' : 'false', title: late ? 'Calibration is past due' : '' },
        r.calibration_due || h('span', { class: 'muted' }, '—'),
        late ? ' past due' : '',
      ),
    );
  });
  return h(
    'div',
    { class: 'tab-body' },
    panel('Connected time per instrument', 'assets-panel', bars),
    panel(
      'Instruments',
      'assets-table-panel',
      table('assets-table', ['Role', 'Resource', 'Identity', ['Sessions', 'num'], ['Connected (s)', 'num'], ['Share', 'num'], 'Calibration due'], rows, 'No instrument connected in this window.', () => {}),
    ),
  );
};

export const VIEWS: Record<MetricsTab, View> = {
  yield: yieldView,
  pareto: paretoView,
  cpk: cpkView,
  retest: retestView,
  'time-loss': timeLossView,
  assets: assetsView,
};
