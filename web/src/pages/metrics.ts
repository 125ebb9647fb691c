// "/metrics" — how the line is doing (SPEC D5): a filter bar (Phase,
// Product, Station, Lot, Since, Until) over tabs Yield, Pareto, Cpk,
// Retest, Time loss and Assets. Filters, tab and each tab's options live
// in the URL; the open tab re-queries when a run ends.

import { api, type MetricsFacets, type MetricsFilter, type MetricsPeriod, type ParetoGroup, type StoredEvent } from '../api';
import type { MetricChart } from '../components/metric-charts';
import { multiSelect } from '../components/metric-filters';
import { tabStrip, updateTabStrip } from '../components/tabs';
import { fill, h } from '../dom';
import { live } from '../live';
import { navigate, withQuery, type Mounted, type Params } from '../router';
import { VIEWS, type MetricsState, type MetricsTab, type ViewContext } from './metrics-views';

const TABS: { id: MetricsTab; label: string }[] = [
  { id: 'yield', label: 'Yield' },
  { id: 'pareto', label: 'Pareto' },
  { id: 'cpk', label: 'Cpk' },
  { id: 'retest', label: 'Retest' },
  { id: 'time-loss', label: 'Time loss' },
  { id: 'assets', label: 'Assets' },
];
const DEFAULT_MIN_SAMPLES = 10;
const LIVE_DEBOUNCE_MS = 500;
/** The server's default phase filter. */
const DEVELOPMENT = 'development';

const oneOf = <T extends string>(value: string | null, choices: readonly T[], fallback: T): T => ((choices as readonly string[]).includes(value ?? '') ? (value as T) : fallback);

function readState(q: URLSearchParams): MetricsState {
  const filter: MetricsFilter = {};
  for (const key of ['phase', 'product', 'station', 'lot', 'since', 'until'] as const) {
    const v = q.get(key);
    if (v) filter[key] = v;
  }
  const minSamples = Math.floor(Number(q.get('min_samples')));
  return {
    tab: oneOf(q.get('tab'), TABS.map((t) => t.id), 'yield'),
    filter,
    period: oneOf<MetricsPeriod>(q.get('period'), ['day', 'week', 'month'], 'day'),
    group_by: oneOf<ParetoGroup>(q.get('group_by'), ['product', 'step', 'measurement'], 'product'),
    min_samples: minSamples >= 2 && minSamples <= 1000000 ? minSamples : DEFAULT_MIN_SAMPLES,
    cpk_row: q.get('cpk_row') || null,
  };
}

function href(s: MetricsState): string {
  return withQuery('/metrics', {
    tab: s.tab === 'yield' ? null : s.tab,
    ...s.filter,
    period: s.period === 'day' ? null : s.period,
    group_by: s.group_by === 'product' ? null : s.group_by,
    min_samples: s.min_samples === DEFAULT_MIN_SAMPLES ? null : s.min_samples,
    cpk_row: s.tab === 'cpk' ? s.cpk_row : null,
  });
}

const list = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);

/** Options: the values seen, plus any the URL names that are not (a filter must show what it holds). */
const withSelected = (seen: string[], selected: string[]) => [...seen, ...selected.filter((x) => !seen.includes(x))];

export function metricsPage(root: HTMLElement, _params: Params, query: URLSearchParams): Mounted {
  document.title = 'Metrics — Litmus';
  let state = readState(query);
  let facets: MetricsFacets = { phases: [], products: [], stations: [], lots: [] };
  let abort = new AbortController();
  const facetsAbort = new AbortController();
  let charts: MetricChart[] = [];

  const filterBar = h('form', { class: 'filters', 'data-testid': 'metrics-filters' });
  filterBar.addEventListener('submit', (e) => e.preventDefault());
  const tabsHost = h('div');
  const content = h('div', { class: 'tab-content', 'data-testid': 'metrics-content' });
  const errorEl = h('div', { class: 'alert', 'data-testid': 'metrics-error', hidden: true });
  const updated = h('span', { class: 'sub', 'data-testid': 'metrics-updated' });
  root.append(
    h(
      'div',
      { class: 'page', 'data-testid': 'metrics-page' },
      h('div', { class: 'page-head' }, h('div', { class: 'page-title' }, h('h1', {}, 'Metrics'), h('span', { class: 'sub' }, 'How the line is doing: finished runs, by the filters below')), updated),
      h('section', { class: 'panel' }, filterBar),
      h('div', { class: 'panel tabs-panel' }, tabsHost),
      errorEl,
      content,
    ),
  );

  const go = (next: Partial<MetricsState>) => navigate(href({ ...state, ...next }));
  const remember = (next: Partial<MetricsState>) => navigate(href({ ...state, ...next }), { replace: true });
  const setFilter = (key: keyof MetricsFilter, value: string | null) => {
    const filter = { ...state.filter };
    if (value) filter[key] = value;
    else delete filter[key];
    go({ filter });
  };

  function renderFilters(): void {
    // Rebuilt on every change: the open dropdown and the focused box stay so.
    const openId = filterBar.querySelector('details[open]')?.getAttribute('data-testid');
    const focused = filterBar.contains(document.activeElement) ? (document.activeElement as HTMLInputElement) : null;
    const focusKey = focused ? `[data-testid="${focused.dataset.testid}"]${focused.type === 'checkbox' ? `[value="${CSS.escape(focused.value)}"]` : ''}` : null;
    build();
    if (openId) filterBar.querySelector<HTMLDetailsElement>(`[data-testid="${openId}"]`)!.open = true;
    if (focusKey) filterBar.querySelector<HTMLElement>(focusKey)?.focus();
  }

  function build(): void {
    const f = state.filter;
    const phases = withSelected(facets.phases, list(f.phase).filter((p) => p !== '*'));
    const defaultPhases = phases.filter((p) => p !== DEVELOPMENT);
    const checkedPhases = !f.phase ? defaultPhases : f.phase === '*' ? phases : list(f.phase);
    const date = (key: 'since' | 'until', label: string, title: string) => {
      const input = h('input', { type: 'date', value: f[key] ?? '', 'data-testid': `filter-${key}`, id: `f-${key}`, title });
      input.addEventListener('change', () => setFilter(key, input.value || null));
      return h('div', { class: 'field' }, h('label', { for: `f-${key}` }, label), input);
    };
    const plain = (key: 'product' | 'station' | 'lot', label: string, seen: string[]) =>
      multiSelect({
        label,
        id: key,
        options: withSelected(seen, list(f[key])),
        selected: list(f[key]),
        summary: (s) => (s.length === 0 ? 'All' : s.length === 1 ? s[0] : `${s.length} selected`),
        onChange: (s) => setFilter(key, s.join(',') || null),
      });
    fill(
      filterBar,
      multiSelect({
        label: 'Phase',
        id: 'phase',
        options: phases,
        selected: checkedPhases,
        summary: (s) => (!f.phase ? 'All but development' : f.phase === '*' ? 'All phases' : s.join(', ') || 'None'),
        onChange: (s) => {
          // Every phase → "*"; the default set → no parameter; none → the default again.
          const sameAs = (set: string[]) => s.length === set.length && s.every((p) => set.includes(p));
          setFilter('phase', s.length === 0 || sameAs(defaultPhases) ? null : sameAs(phases) ? '*' : s.join(','));
        },
      }),
      plain('product', 'Product', facets.products),
      plain('station', 'Station', facets.stations),
      plain('lot', 'Lot', facets.lots),
      date('since', 'Since (UTC day)', 'Runs started on or after this day (UTC)'),
      date('until', 'Until (UTC day)', 'Runs started before this day (UTC)'),
      h('button', { type: 'button', class: 'btn', 'data-testid': 'filter-reset', onclick: (() => go({ filter: {} })) as EventListener }, 'Reset'),
    );
  }

  function renderTabs(): void {
    if (!updateTabStrip(tabsHost.firstElementChild, TABS, state.tab)) fill(tabsHost, tabStrip(TABS, state.tab, (tab) => go({ tab: tab as MetricsTab })));
  }

  async function loadFacets(): Promise<void> {
    try {
      facets = await api.facets(facetsAbort.signal);
      renderFilters();
    } catch {
      // The filter lists stay as they were; the tab's own error says why.
    }
  }

  async function load(): Promise<void> {
    abort.abort();
    abort = new AbortController();
    const ctx: ViewContext = { state, signal: abort.signal, go, remember, charts: [] };
    content.setAttribute('aria-busy', 'true');
    try {
      const view = await VIEWS[state.tab](ctx);
      for (const c of charts) c.destroy();
      charts = ctx.charts;
      fill(content, view);
      content.dataset.tab = state.tab;
      errorEl.hidden = true;
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}`;
    } catch (err) {
      for (const c of ctx.charts) c.destroy();
      if (ctx.signal.aborted) return;
      errorEl.hidden = false;
      errorEl.textContent = `Could not load the metrics: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      if (!ctx.signal.aborted) content.removeAttribute('aria-busy');
    }
  }

  // A run's end changes every lens; a session's end closes instrument time.
  let timer: number | undefined;
  const unsubscribe = live.subscribe(
    (_ev: StoredEvent) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        void loadFacets();
        void load();
      }, LIVE_DEBOUNCE_MS);
    },
    { type: ['run.ended', 'session.ended'] },
  );

  renderFilters();
  renderTabs();
  void loadFacets();
  void load();
  return {
    update(_p: Params, q: URLSearchParams) {
      const next = readState(q);
      // Only the open Cpk row changed (the view itself put it in the URL):
      // nothing to fetch again.
      const sameView = href({ ...next, cpk_row: null }) === href({ ...state, cpk_row: null });
      state = next;
      if (sameView && next.tab === 'cpk') return;
      renderFilters();
      renderTabs();
      void load();
    },
    unmount() {
      unsubscribe();
      window.clearTimeout(timer);
      abort.abort();
      facetsAbort.abort();
      for (const c of charts) c.destroy();
    },
  };
}
