// "/" — the Dashboard (SPEC D1): one card per configured station, then the
// ten most recent finished runs; a Getting Started card on an empty project.
// Re-queried when the stream brings run.started / run.ended.

import { api, ApiError, runInFlight, type ActiveRun, type Run, type Station, type StoredEvent } from '../api';
import { outcomeBadge, runState } from '../components/status';
import { emptyRow, followRowLink, navigableRows } from '../components/table';
import { fill, h } from '../dom';
import { formatDateTime, formatIsoUtc } from '../format';
import { live } from '../live';
import type { Mounted } from '../router';

const RECENT = 10;
const DEBOUNCE_MS = 300;

export function dashboardPage(root: HTMLElement): Mounted {
  document.title = 'Dashboard — Litmus';
  const abort = new AbortController();
  const stationsEl = h('div', { class: 'cards', 'data-testid': 'station-cards' });
  const startEl = h('div', { 'data-testid': 'getting-started-slot' });
  const recentBody = h('tbody', { 'data-testid': 'recent-runs' });
  const recentPanel = h(
    'section',
    { class: 'panel', 'data-testid': 'recent-panel' },
    h('header', { class: 'panel-head' }, h('h3', {}, 'Recent results'), h('a', { href: '/results', class: 'btn btn-sm' }, 'All results →')),
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { class: 'grid' },
        h('thead', {}, h('tr', {}, h('th', {}, 'DUT serial'), h('th', {}, 'Station (hostname)'), h('th', {}, 'Program'), h('th', {}, 'Started'), h('th', {}, 'Outcome'))),
        recentBody,
      ),
    ),
  );
  navigableRows(recentBody, followRowLink);
  root.append(
    h(
      'div',
      { class: 'page', 'data-testid': 'dashboard' },
      h('div', { class: 'page-head' }, h('div', { class: 'page-title' }, h('h1', {}, 'Dashboard'), h('span', { class: 'sub' }, 'Stations and the latest results'))),
      startEl,
      h('h3', {}, 'Stations'),
      stationsEl,
      recentPanel,
    ),
  );
  fill(recentBody, emptyRow(5, 'Loading…'));

  let stations: Station[] = [];
  let active: ActiveRun[] = [];
  let stationError = '';

  function renderStations(): void {
    if (stationError) {
      fill(stationsEl, h('div', { class: 'alert', 'data-testid': 'stations-error' }, stationError));
      return;
    }
    if (!stations.length) {
      fill(
        stationsEl,
        h('div', { class: 'card', 'data-testid': 'no-stations' }, h('h2', {}, 'No stations configured'), h('p', {}, 'Add a station file under ', h('code', {}, 'stations/'), ' of the project (docs/configuration.md).')),
      );
      return;
    }
    fill(
      stationsEl,
      ...stations.map((s) => {
        const busy = active.find((r) => r.station === s.id);
        return h(
          'article',
          { class: 'card', 'data-testid': 'station-card', 'data-station-id': s.id },
          h(
            'div',
            { class: 'card-head' },
            h('h2', { 'data-testid': 'station-name' }, s.name || s.id),
            busy
              ? h('a', { class: 'badge badge-busy', href: `/live/${encodeURIComponent(busy.run_id)}`, 'data-testid': 'station-status', 'data-status': 'busy' }, h('i', { class: 'dot' }), 'TESTING')
              : h('span', { class: 'badge badge-ready', 'data-testid': 'station-status', 'data-status': 'ready' }, 'READY'),
          ),
          h('p', { 'data-testid': 'station-description' }, s.description || 'No description.'),
          h(
            'dl',
            { class: 'facts' },
            h('dt', {}, 'ID'),
            h('dd', { class: 'mono' }, s.id),
            h('dt', {}, 'Location'),
            h('dd', {}, s.location || '—'),
            h('dt', {}, 'Instruments'),
            h('dd', {}, s.instruments.length ? s.instruments.map((i) => `${i.role}${i.mock ? ' (mock)' : ''}`).join(', ') : '—'),
          ),
          h(
            'div',
            { class: 'card-foot' },
            h('span', { class: 'muted' }, s.hostname ? `host ${s.hostname}` : ''),
            h('a', { class: 'btn btn-primary btn-sm', href: `/launch?station=${encodeURIComponent(s.id)}`, 'data-testid': 'start-test' }, 'Start Test'),
          ),
        );
      }),
    );
  }

  function renderRecent(runs: Run[]): void {
    if (!runs.length) {
      fill(recentBody, emptyRow(5, 'No finished runs yet.', 'recent-empty'));
      return;
    }
    fill(
      recentBody,
      ...runs.map((r) =>
        h(
          'tr',
          { tabindex: 0, 'data-testid': 'recent-row', 'data-run-id': r.run_id },
          h('td', { class: 'mono strong' }, h('a', { href: `/results/${encodeURIComponent(r.run_id)}` }, r.dut_serial || '—')),
          h('td', {}, r.station || '—', r.hostname ? h('span', { class: 'muted' }, ` (${r.hostname})`) : null),
          h('td', { class: 'muted' }, r.program || '—'),
          h('td', { class: 'mono', title: formatIsoUtc(r.started_ts) }, formatDateTime(r.started_ts)),
          h('td', {}, outcomeBadge(runState(r))),
        ),
      ),
    );
  }

  function renderGettingStarted(show: boolean): void {
    if (!show) {
      startEl.replaceChildren();
      return;
    }
    const step = (title: string, cmd: string) => h('li', {}, title, h('pre', {}, cmd));
    fill(
      startEl,
      h(
        'section',
        { class: 'card getting-started', 'data-testid': 'getting-started' },
        h('h2', {}, 'Getting Started'),
        h('p', {}, 'No runs recorded yet. Three commands get you a first one: a starter project with four tests against a mock bench.'),
        h(
          'ol',
          {},
          step('Create a starter project', 'litmus init my_board --starter'),
          step('Go into it', 'cd my_board'),
          step('Build and run its tests (each test program run is recorded here, live)', 'make test'),
        ),
        h('p', {}, 'The walk-through continues in docs/testing.md.'),
      ),
    );
  }

  async function loadRuns(): Promise<void> {
    try {
      let list = await api.runs({ sort: 'started', order: 'desc', limit: 25 }, abort.signal);
      let finished = list.runs.filter((r) => !runInFlight(r));
      if (finished.length < RECENT && list.total > list.runs.length) {
        list = await api.runs({ sort: 'started', order: 'desc', limit: Math.min(1000, RECENT + list.stats.running) }, abort.signal);
        finished = list.runs.filter((r) => !runInFlight(r));
      }
      renderGettingStarted(list.stats.total === 0);
      renderRecent(finished.slice(0, RECENT));
    } catch (err) {
      if (abort.signal.aborted) return;
      fill(recentBody, h('tr', {}, h('td', { colspan: 5, class: 'error', 'data-testid': 'recent-error' }, `Could not load runs: ${String(err)}`)));
    }
  }

  async function loadStations(): Promise<void> {
    try {
      const [st, act] = await Promise.all([api.stations(abort.signal), api.active(abort.signal).catch(() => ({ runs: [] as ActiveRun[] }))]);
      stations = st.stations;
      active = act.runs;
      stationError = '';
    } catch (err) {
      if (abort.signal.aborted) return;
      stationError = err instanceof ApiError ? `Stations: ${err.message}` : `Could not load stations: ${String(err)}`;
    }
    renderStations();
  }

  let timer: number | undefined;
  const unsubscribe = live.subscribe(
    (_ev: StoredEvent) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        void loadRuns();
        void loadStations();
      }, DEBOUNCE_MS);
    },
    { type: ['run.started', 'run.ended'] },
  );

  void loadStations();
  void loadRuns();
  return {
    unmount() {
      unsubscribe();
      window.clearTimeout(timer);
      abort.abort();
    },
  };
}
