// "/live/<run_id>" — the live monitor of one run (SPEC D2): status pill
// (Starting → RUNNING → outcome), progress and current step, session
// metadata and instruments, measurements as they happen, and tabs Events
// (streaming timeline), Channels (last value + sparkline) and Output (the
// program's stdout/stderr from run.output events). On finish: a link to
// the full result.

import { api, isChannelRef, textField, type Instrument, type StoredEvent } from '../api';
import { eventSummary, typeClass } from '../components/event-summary';
import { RunModel, stepState } from '../components/run-model';
import { metaItem, runHeader, runTitle } from '../components/run-header';
import { measurementRow, measurementsTable } from '../components/run-views';
import { sparkline } from '../components/sparkline';
import { outcomeBadge } from '../components/status';
import { tabStrip, updateTabStrip } from '../components/tabs';
import { ArrivalMarks, ClippedRows, emptyRow } from '../components/table';
import { fill, h } from '../dom';
import { formatIsoUtc, formatNumber, formatTime, shortId } from '../format';
import { navigate, withQuery, type Mounted, type Params } from '../router';

const TABS = ['events', 'channels', 'output'] as const;
type Tab = (typeof TABS)[number];
const MAX_EVENTS = 1000;
const MAX_LINES = 2000;
const SPARK = 60;
/** Newest measurements the live table shows. */
const MEAS_ROWS = 200;

interface ChannelState {
  id: string;
  role: string;
  units: string;
  last: number | null;
  array: number | null;
  values: number[];
  count: number;
  ts: number;
}

export function liveRunPage(root: HTMLElement, params: Params, query: URLSearchParams): Mounted {
  const id = params.id;
  const readTab = (q: URLSearchParams): Tab => ((TABS as readonly string[]).includes(q.get('tab') ?? '') ? (q.get('tab') as Tab) : 'events');
  let tab = readTab(query);
  const abort = new AbortController();
  const model = new RunModel(id);
  model.graceful = true;
  // Each measurement row in the frame of its event, with no refetch: one
  // frame per event instead of two, and no request per event per viewer.
  model.appendsFromStream = true;

  const seen = new Set<number>();
  const channels = new Map<string, ChannelState>();
  let eventCount = 0;
  let lineCount = 0;
  let historyLoaded = false;
  let historyApplied = false;
  const pending: StoredEvent[] = [];

  const headerSlot = h('div');
  const sessionMeta = h('dl', { class: 'meta-grid', 'data-testid': 'session-meta', style: 'margin:0' });
  const instrumentsBody = h('tbody', { 'data-testid': 'instruments-body' });
  const measSlot = h('div', { 'data-testid': 'live-measurements' });
  const measCount = h('span', { class: 'count' });
  const tabsSlot = h('div');
  const eventsBody = h('tbody', { 'data-testid': 'timeline-body' });
  const channelsBody = h('tbody', { 'data-testid': 'live-channels-body' });
  const consoleEl = h('pre', { class: 'console', 'data-testid': 'output-console' });
  const eventsPane = h('div', { class: 'scroll', style: 'max-height:480px', 'data-testid': 'pane-events' }, h('table', { class: 'grid timeline', 'data-testid': 'timeline' }, h('thead', {}, h('tr', {}, h('th', {}, 'Time'), h('th', {}, 'Type'), h('th', {}, 'Role'), h('th', {}, 'Summary'))), eventsBody));
  const channelsPane = h('div', { class: 'scroll', 'data-testid': 'pane-channels' }, h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, 'Channel'), h('th', { class: 'num' }, 'Last value'), h('th', {}, 'History'), h('th', {}, 'Instrument'), h('th', { class: 'num' }, 'Reads'), h('th', {}, 'Updated'))), channelsBody));
  const outputPane = h('div', { 'data-testid': 'pane-output' }, consoleEl);
  const measScroller = h('div', { class: 'scroll', style: 'max-height:320px' }, measSlot);
  const eventsClip = new ClippedRows(eventsPane, () => eventsBody);
  const arrivals = new ArrivalMarks();
  const measClip = new ClippedRows(measScroller, () => measSlot.querySelector<HTMLElement>('[data-testid="meas-body"]'));
  fill(eventsBody, emptyRow(4, 'Waiting for events…', 'timeline-empty'));
  fill(channelsBody, emptyRow(6, 'No instrument reads yet.', 'live-channels-empty'));
  consoleEl.append(h('span', { class: 'console-empty', 'data-testid': 'output-empty' }, 'No output yet. The test program’s stdout and stderr appear here as it prints.'));

  const page = h(
    'div',
    { class: 'page', 'data-testid': 'live-run', 'data-run-id': id },
    headerSlot,
    h(
      'div',
      { class: 'cols live-cols' },
      h(
        'section',
        { class: 'panel' },
        h('header', { class: 'panel-head' }, h('h3', {}, 'Session')),
        sessionMeta,
        h('header', { class: 'panel-head', style: 'border-top:1px solid var(--line)' }, h('h3', {}, 'Instruments')),
        h('div', { class: 'scroll' }, h('table', { class: 'grid', 'data-testid': 'instruments-table' }, h('thead', {}, h('tr', {}, h('th', {}, 'Role'), h('th', {}, 'Type'), h('th', {}, 'Resource'), h('th', {}, 'Mode'), h('th', {}, 'Connected'))), instrumentsBody)),
      ),
      h('section', { class: 'panel' }, h('header', { class: 'panel-head' }, h('h3', {}, 'Measurements'), measCount), measScroller),
    ),
    h('section', { class: 'panel' }, tabsSlot, eventsPane, channelsPane, outputPane),
  );
  root.append(page);
  fill(headerSlot, h('div', { class: 'panel empty-state', 'data-testid': 'live-loading' }, h('h2', {}, 'Starting…'), h('p', {}, 'Waiting for run ', h('span', { class: 'mono' }, id), '.')));

  function state(): string {
    const r = model.run;
    if (!r) return 'starting';
    if (!model.inFlight) return r.outcome || 'done';
    return model.steps.some((s) => s.status !== 'pending') ? 'running' : 'starting';
  }

  // Stream events change the tab counts many times a frame: one strip
  // rebuild per frame (renderTabs() itself stays synchronous for the
  // tab switches and first render).
  let tabsFrame = 0;
  function scheduleTabs(): void {
    if (tabsFrame) return;
    tabsFrame = requestAnimationFrame(() => {
      tabsFrame = 0;
      renderTabs();
    });
  }

  function renderTabs(): void {
    if (tabsFrame) {
      cancelAnimationFrame(tabsFrame);
      tabsFrame = 0;
    }
    const defs = [
      { id: 'events', label: 'Events', count: eventCount },
      { id: 'channels', label: 'Channels', count: channels.size },
      { id: 'output', label: 'Output', count: lineCount },
    ];
    if (!updateTabStrip(tabsSlot.firstElementChild, defs, tab)) {
      fill(tabsSlot, tabStrip(defs, tab, (t) => navigate(withQuery(location.pathname, { tab: t === 'events' ? null : t }))));
    }
    eventsPane.hidden = tab !== 'events';
    channelsPane.hidden = tab !== 'channels';
    outputPane.hidden = tab !== 'output';
  }

  function render(): void {
    if (model.state === 'not_found') {
      document.title = 'Run not found — Litmus';
      fill(page, h('div', { class: 'panel empty-state', 'data-testid': 'run-not-found' }, h('h2', {}, 'Run not found.'), h('p', {}, 'No run has the id ', h('span', { class: 'mono' }, id), '. ', h('a', { href: '/results' }, 'All results'))));
      return;
    }
    const r = model.run;
    if (!r) return;
    // A refresh of measurements only (the run and its steps were not
    // refetched): the header, session and instruments stay as they are,
    // and the new measurements are added on top of the table.
    if (r === shownRun && model.steps === shownSteps) {
      renderMeasurements();
      return;
    }
    const st = state();
    // A step started or ended (from its event): only the progress line
    // changes, unless the state in the pill and the title does.
    if (r === shownRun && st === shownState) {
      shownSteps = model.steps;
      headerSlot.querySelector('[data-testid="progress"]')?.replaceWith(progressLine());
      renderMeasurements();
      return;
    }
    shownRun = r;
    shownSteps = model.steps;
    shownState = st;
    document.title = `${st === 'running' || st === 'starting' ? '● ' : ''}${r.dut_serial || runTitle(r)} · ${st.toUpperCase()} — Litmus`;
    const done = !model.inFlight;
    fill(
      headerSlot,
      runHeader(r, {
        state: st,
        back: h('a', { class: 'btn btn-sm', href: '/' }, '← Dashboard'),
        extra: done
          ? h('a', { class: 'btn btn-primary btn-sm', href: `/results/${encodeURIComponent(r.run_id)}`, 'data-testid': 'view-result' }, 'View full result')
          : h('a', { class: 'btn btn-sm', href: `/results/${encodeURIComponent(r.run_id)}`, 'data-testid': 'view-result-live' }, 'Result so far'),
        below: progressLine(),
      }),
    );
    const s = r.session;
    fill(
      sessionMeta,
      metaItem('Station', r.station || s?.station || '', 'live-station'),
      metaItem('DUT', r.dut_serial, 'live-dut', true),
      metaItem('Operator', r.operator, 'live-operator'),
      metaItem('Hostname', r.hostname, 'live-hostname'),
      metaItem('Program', r.program, 'live-program'),
      metaItem('Phase', r.phase, 'live-phase'),
      metaItem('Session', s ? h('a', { href: `/sessions/${encodeURIComponent(s.session_id)}`, title: s.session_id }, shortId(s.session_id)) : shortId(r.session_id), 'live-session', true),
      metaItem('PID', s?.pid ? String(s.pid) : '', 'live-pid', true),
    );
    renderInstruments(r.instruments ?? []);
    renderMeasurements();
    renderTabs();
    if (!historyLoaded) void loadHistory();
  }

  /** The progress bar, "n / N steps" and the current step, from the steps' last attempts. */
  function progressLine(): HTMLElement {
    const vectors = model.vectors(false);
    const finished = vectors.filter((v) => v.step.status === 'ended' || v.step.status === 'never_ran').length;
    const total = Math.max(model.run?.step_stats.total ?? 0, vectors.length);
    const pct = (n: number) => (total ? (100 * n) / total : 0);
    const count = (o: string) => vectors.filter((v) => stepState(v.step) === o).length;
    const current = [...vectors].reverse().find((v) => v.step.status === 'running');
    return h(
      'div',
      { class: 'progress-line', 'data-testid': 'progress', 'data-finished': finished, 'data-total': total },
      h(
        'div',
        { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': finished },
        h('i', { class: 'p-pass', style: `width:${pct(count('passed'))}%` }),
        h('i', { class: 'p-fail', style: `width:${pct(count('failed'))}%` }),
        h('i', { class: 'p-err', style: `width:${pct(count('errored'))}%` }),
        h('i', { class: 'p-other', style: `width:${pct(finished - count('passed') - count('failed') - count('errored'))}%` }),
      ),
      h('span', { class: 'p-text', 'data-testid': 'progress-text' }, `${finished} / ${total} steps`),
      current ? h('span', { class: 'current-step', 'data-testid': 'current-step' }, `▶ ${current.step.step_path}${current.step.vector_index > 0 || (current.step.inputs && Object.keys(current.step.inputs).length) ? ` [${current.step.vector_index}]` : ''}`) : null,
    );
  }

  // What the measurements table shows: the first `count` of
  // model.measurements (the last of them has seq `lastSeq`), newest first.
  let shown = { count: 0, lastSeq: -1, done: false };
  let shownRun: typeof model.run = null;
  let shownSteps: typeof model.steps | null = null;
  let shownState = '';
  function renderMeasurements(): void {
    const list = model.measurements;
    const done = !model.inFlight;
    measCount.textContent = String(model.measurementTotal);
    const body = measSlot.querySelector<HTMLElement>('[data-testid="meas-body"]');
    const appended = body && shown.count > 0 && done === shown.done && list.length >= shown.count && list[shown.count - 1].seq === shown.lastSeq;
    if (appended) {
      // Measurements only ever append: O(new rows) instead of 200 rows.
      if (list.length > shown.count) {
        const rows = document.createDocumentFragment();
        for (let i = list.length - 1; i >= shown.count && list.length - 1 - i < MEAS_ROWS; i--) {
          const row = measurementRow(list[i], true);
          arrivals.mark(row);
          rows.append(row);
        }
        body.prepend(rows);
        while (body.childElementCount > MEAS_ROWS) body.lastElementChild?.remove();
        measClip.rowsChanged();
      }
    } else {
      fill(measSlot, measurementsTable(list, { page: 0, size: MEAS_ROWS, newestFirst: true, compact: true, emptyText: done ? 'No measurements recorded.' : 'No measurements yet.' }));
      measClip.rebuilt();
    }
    shown = { count: list.length, lastSeq: list.length ? list[list.length - 1].seq : -1, done };
  }

  function renderInstruments(list: Instrument[]): void {
    if (!list.length) {
      fill(instrumentsBody, emptyRow(5, 'No instruments connected.'));
      return;
    }
    fill(
      instrumentsBody,
      ...list.map((i) =>
        h(
          'tr',
          { 'data-testid': 'instrument-row', 'data-role': i.role, class: i.disconnected_ts ? 'muted' : null },
          h('td', { class: 'strong' }, i.role),
          h('td', {}, i.type),
          h('td', { class: 'mono ellipsis', title: i.resource }, i.resource || '—'),
          h('td', {}, i.mocked ? h('span', { class: 'badge badge-mock' }, 'MOCK') : 'Real'),
          h('td', { class: 'mono', title: formatIsoUtc(i.connected_ts) }, formatTime(i.connected_ts), i.disconnected_ts ? h('span', { class: 'muted' }, ' → disconnected') : null),
        ),
      ),
    );
  }

  // --- events, channels, output ---------------------------------------------

  function apply(ev: StoredEvent, fresh: boolean): void {
    if (seen.has(ev.id)) return;
    seen.add(ev.id);
    addTimeline(ev, fresh);
    if (ev.type === 'instrument.read') addRead(ev);
    if (ev.type === 'run.output' && (!ev.run_id || !model.run || ev.run_id === model.run.run_id)) addOutput(ev);
  }

  function addTimeline(ev: StoredEvent, fresh: boolean): void {
    eventsBody.querySelector('[data-testid="timeline-empty"]')?.remove();
    const row = h(
      'tr',
      { 'data-testid': 'timeline-row', 'data-event-id': ev.id, 'data-type': ev.type, 'data-seq': ev.seq },
      h('td', { class: 'mono', title: formatIsoUtc(ev.ts) }, formatTime(ev.ts)),
      h('td', {}, h('span', { class: typeClass(ev.type) }, ev.type)),
      h('td', {}, ev.role || h('span', { class: 'muted' }, '—')),
      h('td', { class: 'wrap' }, ev.type === 'test.step_ended' ? outcomeBadge(String(ev.payload.outcome ?? '')) : null, ev.type === 'test.step_ended' ? ' ' : null, eventSummary(ev)),
    );
    eventsClip.insertBySeq(row, MAX_EVENTS);
    if (fresh) arrivals.mark(row);
    eventCount += 1;
  }

  function addRead(ev: StoredEvent): void {
    const p = ev.payload;
    const cid = textField(p, 'channel');
    if (!cid || (p.error !== undefined && p.error !== null && p.error !== '')) return;
    let c = channels.get(cid);
    if (!c) {
      c = { id: cid, role: ev.role, units: String(p.units ?? p.y_units ?? ''), last: null, array: null, values: [], count: 0, ts: 0 };
      channels.set(cid, c);
    }
    c.count += 1;
    if (ev.ts >= c.ts) {
      c.ts = ev.ts;
      if (isChannelRef(p.value)) c.array = p.value.length;
      else if (typeof p.value === 'number') {
        c.last = p.value;
      }
    }
    if (typeof p.value === 'number') c.values = [...c.values, p.value].slice(-SPARK);
    renderChannels();
  }

  let channelTimer: number | undefined;
  function renderChannels(): void {
    window.clearTimeout(channelTimer);
    channelTimer = window.setTimeout(() => {
      const list = [...channels.values()].sort((a, b) => a.id.localeCompare(b.id));
      if (!list.length) return;
      fill(
        channelsBody,
        ...list.map((c) =>
          h(
            'tr',
            { 'data-testid': 'live-channel-row', 'data-channel-id': c.id },
            h('td', { class: 'mono strong' }, h('a', { href: withQuery(`/channels/${encodeURIComponent(c.id)}`, { session_id: model.run?.session_id }) }, c.id)),
            h(
              'td',
              { class: 'num strong', 'data-testid': 'live-channel-value', 'data-value': c.last === null ? '' : String(c.last) },
              c.array !== null && c.last === null ? h('span', { class: 'muted' }, `waveform · ${c.array} pts`) : c.last === null ? '—' : formatNumber(c.last),
              c.last !== null && c.units ? h('span', { class: 'units' }, ` ${c.units}`) : null,
            ),
            h('td', {}, sparkline(c.values)),
            h('td', {}, c.role || '—'),
            h('td', { class: 'num' }, String(c.count)),
            h('td', { class: 'mono', title: formatIsoUtc(c.ts) }, formatTime(c.ts)),
          ),
        ),
      );
      scheduleTabs();
    }, 50);
  }

  function addOutput(ev: StoredEvent): void {
    const p = ev.payload;
    consoleEl.querySelector('[data-testid="output-empty"]')?.remove();
    const stream = p.stream === 'stderr' ? 'stderr' : 'stdout';
    const atBottom = consoleEl.scrollTop + consoleEl.clientHeight >= consoleEl.scrollHeight - 4;
    if (p.truncated) {
      consoleEl.append(h('span', { class: 'ln note', 'data-testid': 'output-truncated' }, '[output over 1 MiB: the rest went to the terminal only]'));
    }
    const text = textField(p, 'text');
    if (text) {
      for (const line of text.split('\n')) {
        consoleEl.append(h('span', { class: `ln ${stream}`, 'data-testid': 'output-line', 'data-stream': stream }, line || ' '));
        lineCount += 1;
      }
    }
    while (consoleEl.childElementCount > MAX_LINES) consoleEl.firstElementChild?.remove();
    if (atBottom) consoleEl.scrollTop = consoleEl.scrollHeight;
    scheduleTabs();
  }

  async function loadHistory(): Promise<void> {
    if (historyLoaded || !model.run) return;
    historyLoaded = true;
    const sid = model.run.session_id;
    try {
      const [recent, reads, output] = await Promise.all([
        api.events({ session_id: sid, order: 'desc', limit: 500 }, abort.signal),
        api.events({ session_id: sid, type: 'instrument.read', order: 'desc', limit: 2000 }, abort.signal),
        api.events({ session_id: sid, type: 'run.output', order: 'desc', limit: 500 }, abort.signal),
      ]);
      const all = new Map<number, StoredEvent>();
      for (const e of [...recent.events, ...reads.events, ...output.events]) all.set(e.id, e);
      for (const e of [...all.values()].sort((a, b) => a.seq - b.seq)) apply(e, false);
    } catch (err) {
      if (!abort.signal.aborted) console.warn('litmus: live history failed', err);
    }
    for (const e of pending.splice(0)) apply(e, true);
    historyApplied = true;
    renderTabs();
  }

  model.onEvent((ev) => {
    if (!historyApplied) pending.push(ev);
    else {
      apply(ev, true);
      if (ev.type !== 'instrument.read' && ev.type !== 'run.output') scheduleTabs();
    }
  });
  model.onChange(render);
  renderTabs();

  return {
    update(p: Params, q: URLSearchParams) {
      if (p.id !== id) return false;
      tab = readTab(q);
      renderTabs();
      return true;
    },
    unmount() {
      abort.abort();
      model.destroy();
      window.clearTimeout(channelTimer);
      cancelAnimationFrame(tabsFrame);
      arrivals.stop();
    },
  };
}
