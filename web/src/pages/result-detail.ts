// "/results/<run_id>" — one run (SPEC D4): sticky header, tabs Overview /
// Steps / Measurements / DUT History (?tab=), filling in live while the
// run is in flight. An 8-character prefix of the id is accepted.

import { api, type Run } from '../api';
import { runHref } from '../components/run-table';
import { RunModel } from '../components/run-model';
import { runHeader, runTitle } from '../components/run-header';
import { measurementRow, measurementsFoot, measurementsTable, statsCards, stepsTable } from '../components/run-views';
import { outcomeBadge, runState } from '../components/status';
import { tabStrip, updateTabStrip } from '../components/tabs';
import { emptyRow, followRowLink, navigableRows } from '../components/table';
import { afterNextFrame, fill, h } from '../dom';
import { formatDateTime, formatDuration, formatIsoUtc } from '../format';
import { navigate, previousPath, withQuery, type Mounted, type Params } from '../router';

const TABS = ['overview', 'steps', 'measurements', 'history'] as const;
type Tab = (typeof TABS)[number];

export function resultDetailPage(root: HTMLElement, params: Params, query: URLSearchParams): Mounted {
  const id = params.id;
  const readTab = (q: URLSearchParams): Tab => ((TABS as readonly string[]).includes(q.get('tab') ?? '') ? (q.get('tab') as Tab) : 'overview');
  let tab = readTab(query);
  let measPage = 0;
  let measSize = 100;
  let history: { runs: Run[]; total: number } | null = null;
  /** What the Measurements tab shows: rows `from`… of a `size` page, `rows` of them, the last with seq `lastSeq`. */
  let measShown: { from: number; size: number; rows: number; lastSeq: number } | null = null;
  let headerRun: Run | null = null;
  let historyError = '';
  const historyAbort = new AbortController();

  const model = new RunModel(id);
  const headerSlot = h('div');
  const tabsSlot = h('div');
  const panel = h('div', { 'data-testid': 'tab-panel' });
  const page = h('div', { class: 'page', 'data-testid': 'result-detail', 'data-run-id': id }, headerSlot, h('section', { class: 'panel' }, tabsSlot, panel));
  root.append(page);
  fill(panel, h('div', { class: 'empty-state muted' }, 'Loading…'));

  const back = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-sm',
      'data-testid': 'back',
      onclick: (() => {
        // Back to the list the user came from when there is one.
        const prev = previousPath();
        if (prev.startsWith('/results') && !prev.startsWith('/results/')) window.history.back();
        else navigate('/results');
      }) as EventListener,
    },
    '← Back',
  );

  function setTab(t: string): void {
    navigate(withQuery(location.pathname, { tab: t === 'overview' ? null : t }), { replace: false });
  }

  function render(): void {
    if (model.state === 'not_found') {
      document.title = 'Run not found — Litmus';
      fill(
        page,
        h(
          'div',
          { class: 'panel empty-state', 'data-testid': 'run-not-found' },
          h('h2', {}, 'Run not found.'),
          h('p', {}, 'No run has the id ', h('span', { class: 'mono' }, id), '. ', h('a', { href: '/results' }, 'All results')),
        ),
      );
      return;
    }
    if (model.state === 'error') {
      fill(panel, h('div', { class: 'alert', 'data-testid': 'run-error' }, `Could not load the run: ${model.error}`));
      return;
    }
    const r = model.run;
    if (!r) return;
    page.dataset.fullRunId = r.run_id;
    document.title = `${runTitle(r)} · ${runState(r).toUpperCase()} — Litmus`;
    // A refresh of measurements only brings no new run: the header stays.
    if (r !== headerRun) {
      headerRun = r;
      fill(
        headerSlot,
        runHeader(r, {
          back,
          extra: model.inFlight ? h('a', { class: 'btn btn-sm', href: `/live/${encodeURIComponent(r.run_id)}`, 'data-testid': 'open-live' }, 'Live monitor') : null,
        }),
      );
    }
    const tabs = [
      { id: 'overview', label: 'Overview' },
      { id: 'steps', label: 'Steps', count: model.vectorCount() },
      { id: 'measurements', label: 'Measurements', count: model.measurementTotal },
      { id: 'history', label: 'DUT History', count: history ? Math.max(0, history.total - 1) : null },
    ];
    if (!updateTabStrip(tabsSlot.firstElementChild, tabs, tab)) fill(tabsSlot, tabStrip(tabs, tab, setTab));
    if (panel.dataset.tab !== tab) measShown = null;
    panel.dataset.tab = tab;
    switch (tab) {
      case 'overview': {
        const failing = model.measurements.filter((m) => m.outcome === 'failed' || m.outcome === 'errored');
        fill(
          panel,
          h(
            'div',
            { class: 'panel-body', style: 'display:flex;flex-direction:column;gap:12px' },
            statsCards(r),
            r.reason ? h('div', { class: 'alert', 'data-testid': 'run-reason' }, r.reason) : null,
            failing.length
              ? h(
                  'section',
                  { class: 'panel' },
                  h('header', { class: 'panel-head' }, h('h3', {}, 'Failing measurements'), h('span', { class: 'count' }, String(failing.length))),
                  measurementsTable(failing, { page: 0, size: 20, emptyText: '' }),
                )
              : null,
            h(
              'dl',
              { class: 'meta-grid panel', 'data-testid': 'run-facts' },
              ...[
                ['Station', r.station],
                ['Phase', r.phase],
                ['Operator', r.operator],
                ['Program', r.program],
                ['Product', r.product],
                ['Revision', r.dut_revision ?? ''],
                ['Lot', r.dut_lot_number ?? ''],
                ['Fixture', r.fixture ?? ''],
                ['Profile', r.profile ?? ''],
                ['Duration', r.duration_ns ? formatDuration(r.duration_ns) : '—'],
                ['Git', r.git_commit ? `${r.git_commit}${r.git_branch ? ` (${r.git_branch})` : ''}` : ''],
                ['Filter', r.filter ?? ''],
                ['Instruments', (r.instruments ?? []).map((i) => `${i.role}${i.mocked ? ' (mock)' : ''}`).join(', ')],
                ['Session', r.session_id],
              ].map(([k, v]) =>
                h(
                  'div',
                  { class: 'meta-item' },
                  h('dt', {}, k),
                  h('dd', { class: k === 'Session' || k === 'Git' ? 'mono' : null }, k === 'Session' ? h('a', { href: `/sessions/${encodeURIComponent(v)}`, title: v }, v.slice(0, 8)) : v || '—'),
                ),
              ),
            ),
          ),
        );
        break;
      }
      case 'steps':
        fill(panel, h('div', { class: 'scroll' }, stepsTable(model.vectors(), { emptyText: model.inFlight ? 'Waiting for the first step…' : 'This run recorded no steps.' })));
        break;
      case 'measurements': {
        const list = model.measurements;
        const onPage = (p: number, s: number) => {
          measPage = p;
          measSize = s;
          render();
        };
        const from = measPage * measSize;
        const onScreen = list.slice(from, from + measSize);
        const shown = measShown;
        const body = panel.querySelector<HTMLElement>('[data-testid="meas-body"]');
        // Measurements only ever append: while the run is in flight (and
        // as it ends), the page shown keeps its rows and gains those that
        // now fall on it, and the foot is redrawn; the table is not rebuilt
        // (at 20 measurements a second that was a 100-row table four times
        // a second). A table still empty is rebuilt with its first rows.
        if (
          shown &&
          body &&
          !body.dataset.pending &&
          shown.from === from &&
          shown.size === measSize &&
          shown.rows > 0 &&
          onScreen.length >= shown.rows &&
          onScreen[shown.rows - 1].seq === shown.lastSeq
        ) {
          if (onScreen.length > shown.rows) {
            const rows = document.createDocumentFragment();
            for (const m of onScreen.slice(shown.rows)) rows.append(measurementRow(m));
            body.append(rows);
          }
          // The foot anew, but not while the user is in it (the page-size
          // list would close): it follows on the next refresh after.
          const old = panel.querySelector('[data-testid="meas-foot"]');
          if (!old?.contains(document.activeElement)) {
            const foot = measurementsFoot(list, { page: measPage, size: measSize, onPage });
            if (old && foot) old.replaceWith(foot);
            else if (old) old.remove();
            else if (foot) panel.firstElementChild?.append(foot);
          }
        } else {
          const progressive = !panel.querySelector('[data-testid="meas-table"]');
          fill(
            panel,
            measurementsTable(list, {
              page: measPage,
              size: measSize,
              progressive,
              emptyText: model.inFlight ? 'No measurements yet.' : 'This run recorded no measurements.',
              onPage,
            }),
          );
        }
        measShown = { from, size: measSize, rows: onScreen.length, lastSeq: onScreen.length ? onScreen[onScreen.length - 1].seq : -1 };
        break;
      }
      case 'history':
        renderHistory(r);
        break;
    }
  }

  function renderHistory(r: Run): void {
    if (!r.dut_serial) {
      fill(panel, h('div', { class: 'empty-state muted', 'data-testid': 'history-empty' }, 'This run has no DUT serial.'));
      return;
    }
    if (!history) {
      fill(panel, h('div', { class: 'empty-state muted' }, historyError || 'Loading…'));
      void loadHistory(r.dut_serial);
      return;
    }
    const others = history.runs.filter((x) => x.run_id !== r.run_id);
    const body = h('tbody', { 'data-testid': 'history-body' });
    navigableRows(body, followRowLink);
    if (!others.length) fill(body, emptyRow(7, `No other runs of ${r.dut_serial}.`, 'history-empty'));
    for (const x of others) {
      body.append(
        h(
          'tr',
          { tabindex: 0, 'data-testid': 'history-row', 'data-run-id': x.run_id },
          h('td', {}, h('a', { href: runHref(x) }, outcomeBadge(runState(x)))),
          h('td', { class: 'mono', title: formatIsoUtc(x.started_ts) }, formatDateTime(x.started_ts)),
          h('td', {}, x.program || '—'),
          h('td', {}, x.station || '—', x.hostname ? h('span', { class: 'muted' }, ` (${x.hostname})`) : null),
          h('td', {}, x.phase || '—'),
          h('td', { class: 'num' }, `${x.step_count}`),
          h('td', { class: 'num' }, x.duration_ns ? formatDuration(x.duration_ns) : '—'),
        ),
      );
    }
    fill(
      panel,
      h(
        'div',
        { class: 'scroll' },
        h(
          'table',
          { class: 'grid', 'data-testid': 'history-table' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Outcome'), h('th', {}, 'Started'), h('th', {}, 'Program'), h('th', {}, 'Station (hostname)'), h('th', {}, 'Phase'), h('th', { class: 'num' }, 'Steps'), h('th', { class: 'num' }, 'Duration'))),
          body,
        ),
      ),
      history.total > history.runs.length ? h('div', { class: 'table-foot muted' }, `Newest ${history.runs.length} of ${history.total} runs of this serial`) : null,
    );
  }

  let historyLoading = false;
  async function loadHistory(serial: string): Promise<void> {
    if (historyLoading) return;
    historyLoading = true;
    try {
      history = await api.dutRuns(serial, { limit: 200 }, historyAbort.signal);
    } catch (err) {
      if (historyAbort.signal.aborted) return;
      historyError = `Could not load the DUT history: ${String(err)}`;
    } finally {
      historyLoading = false;
    }
    render();
  }

  let historyDeferred = false;
  model.onChange(() => {
    // A run that just ended changes this serial's history too.
    if (history && model.run && !model.inFlight && !history.runs.some((x) => x.run_id === model.run!.run_id && x.ended_ts)) history = null;
    const serial = model.run?.dut_serial;
    if (!history && serial) {
      // Only the History tab needs it now; elsewhere it is the tab's count,
      // asked once the page's first frame is out (its answer re-renders the
      // header and tabs, work the first frame need not wait for).
      if (tab === 'history' || historyDeferred) void loadHistory(serial);
      else {
        historyDeferred = true;
        afterNextFrame(() => {
          if (!historyAbort.signal.aborted && !history) void loadHistory(serial);
        });
      }
    }
    render();
  });
  return {
    update(p: Params, q: URLSearchParams) {
      if (p.id !== id) return false;
      tab = readTab(q);
      render();
      return true;
    },
    unmount() {
      model.destroy();
      historyAbort.abort();
    },
  };
}
