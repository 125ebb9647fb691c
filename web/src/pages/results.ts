// "/results" — every run, finished and in flight (SPEC D3): sortable by the
// server on every column but Ended, paged, with a stats strip; new and
// finished runs appear live. Sort, order, page and page size live in the URL.

import { api, type RunList, type RunSort, type StoredEvent } from '../api';
import { runRow } from '../components/run-table';
import { emptyRow, followRowLink, navigableRows, pager, PAGE_SIZES, sortHeader, type SortState } from '../components/table';
import { fill, h } from '../dom';
import { formatIsoUtc, formatMinute, formatPercent } from '../format';
import { live } from '../live';
import { navigate, withQuery, type Mounted, type Params } from '../router';

const SORTS: RunSort[] = ['outcome', 'serial', 'part_number', 'hostname', 'project', 'phase', 'started', 'steps', 'measurements'];
const DEFAULT_SIZE = 50;
const LIVE_DEBOUNCE_MS = 300;
const STEP_DEBOUNCE_MS = 1000;

interface State {
  sort: RunSort;
  order: 'asc' | 'desc';
  page: number;
  size: number;
}

function readState(q: URLSearchParams): State {
  const sort = (SORTS as string[]).includes(q.get('sort') ?? '') ? (q.get('sort') as RunSort) : 'started';
  const order = q.get('order') === 'asc' ? 'asc' : q.get('order') === 'desc' ? 'desc' : sort === 'started' ? 'desc' : 'asc';
  const size = PAGE_SIZES.includes(Number(q.get('size'))) ? Number(q.get('size')) : DEFAULT_SIZE;
  const page = Math.max(1, Math.floor(Number(q.get('page')) || 1));
  return { sort, order, page, size };
}

function href(s: State): string {
  return withQuery('/results', {
    sort: s.sort === 'started' ? null : s.sort,
    order: s.order === (s.sort === 'started' ? 'desc' : 'asc') ? null : s.order,
    page: s.page > 1 ? s.page : null,
    size: s.size !== DEFAULT_SIZE ? s.size : null,
  });
}

export function resultsPage(root: HTMLElement, _params: Params, query: URLSearchParams): Mounted {
  document.title = 'Results — Litmus';
  let state = readState(query);
  let abort = new AbortController();
  let last: RunList | null = null;

  const stats = h('div', { class: 'stats', 'data-testid': 'run-stats' });
  const head = h('tr');
  const body = h('tbody', { 'data-testid': 'runs-body' });
  const foot = h('div', { class: 'table-foot' });
  const tablePanel = h(
    'section',
    { class: 'panel' },
    h('div', { class: 'scroll' }, h('table', { class: 'grid compact', 'data-testid': 'runs-table' }, h('thead', {}, head), body)),
    foot,
  );
  const emptyPanel = h(
    'section',
    { class: 'panel empty-state', 'data-testid': 'results-empty', hidden: true },
    h('h2', {}, 'No test runs yet'),
    h('p', {}, 'Every run of a test program appears here the moment it starts, and fills in as it runs.'),
    h('a', { class: 'btn btn-primary', href: '/launch', 'data-testid': 'launch-test' }, 'Launch a Test'),
  );
  const errorEl = h('div', { class: 'alert', 'data-testid': 'results-error', hidden: true });
  navigableRows(body, followRowLink);
  root.append(
    h(
      'div',
      { class: 'page', 'data-testid': 'results-page' },
      h('div', { class: 'page-head' }, h('div', { class: 'page-title' }, h('h1', {}, 'Results'), h('span', { class: 'sub' }, 'Every run, finished and in flight'))),
      stats,
      errorEl,
      emptyPanel,
      tablePanel,
    ),
  );

  const go = (next: Partial<State>) => navigate(href({ ...state, ...next }));

  function renderHead(): void {
    const s: SortState = { sort: state.sort, order: state.order };
    const onSort = (n: SortState) => go({ sort: n.sort as RunSort, order: n.order, page: 1 });
    fill(
      head,
      sortHeader('Outcome', 'outcome', s, onSort),
      sortHeader('Serial', 'serial', s, onSort),
      sortHeader('Part Number', 'part_number', s, onSort),
      sortHeader('Hostname', 'hostname', s, onSort),
      sortHeader('Project', 'project', s, onSort),
      sortHeader('Phase', 'phase', s, onSort),
      sortHeader('Started', 'started', s, onSort),
      sortHeader('Steps', 'steps', s, onSort, true),
      sortHeader('Meas', 'measurements', s, onSort, true),
      sortHeader('Ended', null, s, onSort),
    );
  }

  function renderStats(list: RunList): void {
    const st = list.stats;
    const finished = st.total - st.running;
    const cell = (label: string, value: string | Node, cls: string, testid: string, small = false) =>
      h('div', { class: `stat ${cls}`, 'data-testid': testid }, h('div', { class: 'label' }, label), h('div', { class: `value${small ? ' small' : ''}`, 'data-testid': `${testid}-value` }, value));
    const rate = st.pass_rate;
    const bar = h(
      'div',
      { class: 'rate-bar' },
      finished > 0 ? h('i', { style: `width:${(100 * st.passed) / finished}%;background:var(--pass)` }) : null,
      finished > 0 ? h('i', { style: `width:${(100 * st.failed) / finished}%;background:var(--fail)` }) : null,
      finished > 0 ? h('i', { style: `width:${(100 * st.errored) / finished}%;background:var(--err)` }) : null,
    );
    const rateCell = cell('Pass Rate', formatPercent(rate), '', 'stat-pass-rate');
    rateCell.append(bar);
    fill(
      stats,
      cell('Total Runs', `${st.total}${st.running ? '' : ''}`, '', 'stat-total'),
      rateCell,
      cell('Passed', String(st.passed), 'pass', 'stat-passed'),
      cell('Failed', String(st.failed), 'fail', 'stat-failed'),
      cell('Errored', String(st.errored), 'err', 'stat-errored'),
      h(
        'div',
        { class: 'stat', 'data-testid': 'stat-latest', title: formatIsoUtc(st.latest_started_ts) },
        h('div', { class: 'label' }, 'Latest'),
        h('div', { class: 'value small', 'data-testid': 'stat-latest-value' }, st.latest_started_ts ? formatMinute(st.latest_started_ts) : '—'),
        st.running ? h('div', { class: 'muted', 'data-testid': 'stat-running' }, `${st.running} running now`) : null,
      ),
    );
  }

  function render(list: RunList): void {
    renderStats(list);
    const empty = list.stats.total === 0;
    emptyPanel.hidden = !empty;
    tablePanel.hidden = empty;
    if (empty) return;
    // A page past the end (runs went away, or a stale link): the last page.
    if (!list.runs.length && list.total > 0 && state.page > 1) {
      navigate(href({ ...state, page: Math.ceil(list.total / state.size) }), { replace: true });
      return;
    }
    const focusedId = (document.activeElement as HTMLElement | null)?.closest?.('[data-run-id]')?.getAttribute('data-run-id');
    fill(body, ...(list.runs.length ? list.runs.map((r) => runRow(r)) : [emptyRow(10, 'No runs.')]));
    if (focusedId) (body.querySelector(`[data-run-id="${CSS.escape(focusedId)}"]`) as HTMLElement | null)?.focus();
    fill(
      foot,
      h('span', { class: 'kbd-hint' }, '↑↓ move · Enter opens'),
      pager({ offset: list.offset, limit: state.size, total: list.total }, (n) => go({ page: Math.floor(n.offset / n.limit) + 1, size: n.limit })),
    );
  }

  async function load(): Promise<void> {
    abort.abort();
    abort = new AbortController();
    const signal = abort.signal;
    renderHead();
    if (!last) fill(body, emptyRow(10, 'Loading…'));
    try {
      const list = await api.runs({ sort: state.sort, order: state.order, offset: (state.page - 1) * state.size, limit: state.size }, signal);
      last = list;
      errorEl.hidden = true;
      render(list);
    } catch (err) {
      if (signal.aborted) return;
      errorEl.hidden = false;
      errorEl.textContent = `Could not load runs: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  let timer: number | undefined;
  let pendingAt = 0;
  // Run events re-query soon; step events at most once a second (a
  // pending refresh is never pushed back).
  const schedule = (ms: number) => {
    const at = Date.now() + ms;
    if (timer !== undefined && pendingAt <= at) return;
    window.clearTimeout(timer);
    pendingAt = at;
    timer = window.setTimeout(() => {
      timer = undefined;
      void load();
    }, ms);
  };
  const unsubscribe = live.subscribe(
    (ev: StoredEvent) => {
      if (ev.type === 'test.step_ended' || ev.type === 'test.measurement') {
        // Steps / Meas of a run on this page that is still in flight.
        if (last?.runs.some((r) => r.run_id === ev.run_id && !r.ended_ts)) schedule(STEP_DEBOUNCE_MS);
        return;
      }
      schedule(LIVE_DEBOUNCE_MS);
    },
    { type: ['run.started', 'run.ended', 'test.steps_discovered', 'test.step_ended', 'test.measurement'] },
  );

  void load();
  return {
    update(_p: Params, q: URLSearchParams) {
      state = readState(q);
      void load();
    },
    unmount() {
      unsubscribe();
      window.clearTimeout(timer);
      abort.abort();
    },
  };
}
