// Detail of one station session (SPEC D2 "Session view"): metadata,
// connected instruments, reads/measurements as they happen, and a waveform
// chart per array channel. Loads history over REST, then follows the live
// stream; both paths go through apply() and are de-duplicated by event id.

import {
  api,
  ApiError,
  channelIdFromRef,
  isChannelRef,
  textField,
  type Instrument,
  type Session,
  type SessionDetail,
  type StoredEvent,
} from '../api';
import { statusBadge } from '../components/status';
import { ArrivalMarks, ClippedRows } from '../components/table';
import { WaveformChart } from '../components/waveform';
import { fill, h } from '../dom';
import { formatDateTime, formatDuration, formatIsoUtc, formatNumber, formatTime } from '../format';

/** Event types shown as rows of the reads table. */
const READ_TYPES = new Set(['instrument.read', 'test.measurement']);
/** How much history a freshly opened session shows. */
const HISTORY_LIMIT = 500;
/** Rows kept in the reads table; older ones drop off (the count stays exact). */
const MAX_READ_ROWS = 1000;
/** Coalesces bursts of waveform reads into one channel fetch. */
const WAVEFORM_DEBOUNCE_MS = 150;

export class SessionDetailView {
  readonly el: HTMLElement;
  private session: Session | SessionDetail;
  private instruments = new Map<string, Instrument>();
  private seen = new Set<number>();
  private pending: StoredEvent[] | null = [];
  private readonly abort = new AbortController();
  private charts = new Map<string, WaveformChart>();
  private readsTotal = 0;
  private chartTimers = new Map<string, number>();
  /** Tints the reads that arrive live (not those of the history load). */
  private readonly arrivals = new ArrivalMarks();

  private readonly header = h('div', { class: 'detail-header' });
  private readonly meta = h('dl', { class: 'meta-grid', 'data-testid': 'session-meta' });
  private readonly instrumentsBody = h('tbody');
  private readonly readsBody = h('tbody');
  /**
   * The reads table's own scroll box: a session reading at 20/s prepends a
   * row 20 times a second, and with all MAX_READ_ROWS rows laid out each
   * one repainted all of them (~1 core in Chromium without a GPU); clipped,
   * only the first CLIPPED_ROWS are, until the box is scrolled down.
   */
  private readonly readsClip: ClippedRows;
  private readonly readsCount = h('span', { class: 'count mono', 'data-testid': 'reads-count' }, '0');
  private readonly waveforms = h('div', { class: 'charts', 'data-testid': 'waveforms' });
  private readonly waveformPanel: HTMLElement;

  constructor(initial: Session) {
    this.session = initial;
    const readsScroller = h(
      'div',
      { class: 'scroll', style: 'max-height:560px', 'data-testid': 'reads-scroll' },
      h(
        'table',
        { class: 'grid', 'data-testid': 'reads-table' },
        h(
          'thead',
          {},
          h('tr', {}, h('th', {}, 'Time'), h('th', {}, 'Role'), h('th', {}, 'Channel'), h('th', {}, 'Method'), h('th', { class: 'num' }, 'Value'), h('th', { class: 'num' }, 'Duration')),
        ),
        this.readsBody,
      ),
    );
    this.waveformPanel = h(
      'section',
      { class: 'panel', hidden: true },
      h('header', { class: 'panel-head' }, h('h3', {}, 'Waveforms')),
      this.waveforms,
    );
    this.el = h(
      'div',
      { class: 'session-detail', 'data-testid': 'session-detail', 'data-session-id': initial.session_id },
      this.header,
      h('section', { class: 'panel' }, this.meta),
      h(
        'section',
        { class: 'panel' },
        h('header', { class: 'panel-head' }, h('h3', {}, 'Instruments')),
        h(
          'div',
          { class: 'scroll' },
          h(
            'table',
            { class: 'grid', 'data-testid': 'instruments-table' },
            h('thead', {}, h('tr', {}, h('th', {}, 'Role'), h('th', {}, 'Type'), h('th', {}, 'Resource'), h('th', {}, 'Mode'), h('th', {}, 'Connected'))),
            this.instrumentsBody,
          ),
        ),
      ),
      this.waveformPanel,
      h(
        'section',
        { class: 'panel panel-grow' },
        h('header', { class: 'panel-head' }, h('h3', {}, 'Reads & measurements'), this.readsCount),
        readsScroller,
      ),
    );
    this.readsClip = new ClippedRows(readsScroller, () => this.readsBody);
    this.renderHeader();
    this.renderMeta();
    this.renderInstruments();
    this.renderReadsEmpty();
    void this.load();
  }

  get sessionId(): string {
    return this.session.session_id;
  }

  /** Called by the page for every stream event of this session. */
  onEvent(ev: StoredEvent): void {
    if (this.pending) this.pending.push(ev);
    else this.apply(ev, true);
  }

  /** Called by the page when the list learns something newer (e.g. ended). */
  updateSession(s: Session): void {
    this.session = { ...this.session, ...s };
    this.renderHeader();
    this.renderMeta();
  }

  destroy(): void {
    document.title = 'Litmus';
    this.abort.abort();
    for (const t of this.chartTimers.values()) window.clearTimeout(t);
    for (const c of this.charts.values()) c.destroy();
    this.arrivals.stop();
  }

  private async load(): Promise<void> {
    const id = this.session.session_id;
    const signal = this.abort.signal;
    try {
      const [detail, history] = await Promise.all([
        api.session(id, signal),
        // Newest first so a long session opens on its latest activity.
        api.events({ session_id: id, order: 'desc', limit: HISTORY_LIMIT }, signal),
      ]);
      this.session = { ...this.session, ...detail };
      for (const i of detail.instruments ?? []) this.instruments.set(i.role, i);
      this.renderHeader();
      this.renderMeta();
      this.renderInstruments();
      for (const ev of history.events.slice().reverse()) this.apply(ev);
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof ApiError && err.status === 404) {
        // A session announced on the stream can race its projection; what
        // the stream already told us is shown, and more arrives live.
        console.warn('litmus: session not in the store yet', id);
      } else {
        this.el.prepend(h('div', { class: 'alert', 'data-testid': 'detail-error' }, `Could not load session: ${String(err)}`));
      }
    }
    const buffered = this.pending ?? [];
    this.pending = null;
    for (const ev of buffered) this.apply(ev, true);
  }

  /** `live`: from the stream (not the history load). */
  private apply(ev: StoredEvent, live = false): void {
    if (this.seen.has(ev.id)) return;
    this.seen.add(ev.id);
    switch (ev.type) {
      case 'instrument.connected': {
        const p = ev.payload;
        this.instruments.set(ev.role, {
          session_id: ev.session_id,
          role: ev.role,
          type: String(p.type ?? ''),
          resource: String(p.resource ?? ''),
          mocked: Boolean(p.mocked),
          connected_ts: ev.ts,
          disconnected_ts: null,
        });
        this.renderInstruments();
        break;
      }
      case 'instrument.disconnected': {
        const i = this.instruments.get(ev.role);
        if (i) {
          i.disconnected_ts = ev.ts;
          this.renderInstruments();
        }
        break;
      }
      case 'session.ended': {
        const p = ev.payload;
        this.updateSession({
          ...this.session,
          outcome: String(p.outcome ?? 'done'),
          ended_ts: ev.ts,
          synthetic_end: Boolean(p.synthetic),
        });
        break;
      }
      default:
        if (READ_TYPES.has(ev.type)) this.addRead(ev, live);
    }
  }

  private renderHeader(): void {
    const s = this.session;
    // The tab title tells a bench screen's state from across the room.
    document.title = `${s.station || 'Session'} · ${s.outcome ? s.outcome.toUpperCase() : s.ended_ts ? 'DONE' : 'LIVE'} — Litmus`;
    fill(
      this.header,
      h(
        'div',
        { class: 'detail-title' },
        h('h2', {}, s.station || 'Session'),
        h('span', { 'data-testid': 'session-status' }, statusBadge(s)),
        s.mocked ? h('span', { class: 'badge badge-mock', title: 'instruments are mocked' }, 'MOCK') : null,
      ),
      h('div', { class: 'detail-sub mono', title: 'session id' }, s.session_id),
    );
  }

  private renderMeta(): void {
    const s = this.session;
    const item = (label: string, value: string | number, testid: string, mono = false, title?: string) =>
      h('div', { class: 'meta-item' }, h('dt', {}, label), h('dd', { 'data-testid': testid, class: mono ? 'mono' : null, title: title ?? null }, value === '' ? '—' : value));
    fill(
      this.meta,
      item('Station', s.station, 'meta-station'),
      item('Hostname', s.hostname, 'meta-hostname'),
      item('DUT serial', s.dut_serial, 'meta-dut', true),
      item('Operator', s.operator, 'meta-operator'),
      item('PID', s.pid ?? '', 'meta-pid', true),
      item('Client', s.client ?? '', 'meta-client'),
      item('Started', formatDateTime(s.started_ts), 'meta-started', true, formatIsoUtc(s.started_ts)),
      item('Ended', s.ended_ts ? formatDateTime(s.ended_ts) : '—', 'meta-ended', true, formatIsoUtc(s.ended_ts)),
    );
  }

  private renderInstruments(): void {
    const rows = [...this.instruments.values()].sort((a, b) => a.role.localeCompare(b.role));
    if (!rows.length) {
      fill(this.instrumentsBody, h('tr', { class: 'empty' }, h('td', { colspan: 5 }, 'No instruments connected yet.')));
      return;
    }
    fill(
      this.instrumentsBody,
      ...rows.map((i) =>
        h(
          'tr',
          { 'data-testid': 'instrument-row', 'data-role': i.role, class: i.disconnected_ts ? 'muted' : null },
          h('td', { class: 'strong' }, i.role),
          h('td', {}, i.type),
          h('td', { class: 'mono' }, i.resource || '—'),
          h('td', {}, i.mocked ? h('span', { class: 'badge badge-mock' }, 'MOCK') : 'Real'),
          h('td', { class: 'mono', title: formatIsoUtc(i.connected_ts) }, formatTime(i.connected_ts), i.disconnected_ts ? ` → ${formatTime(i.disconnected_ts)}` : ''),
        ),
      ),
    );
  }

  private renderReadsEmpty(): void {
    fill(this.readsBody, h('tr', { class: 'empty', 'data-testid': 'reads-empty' }, h('td', { colspan: 6 }, 'Waiting for instrument reads…')));
  }

  private addRead(ev: StoredEvent, live: boolean): void {
    const row = this.readRow(ev);
    if (live) this.arrivals.mark(row);
    this.readsBody.querySelector('[data-testid="reads-empty"]')?.remove();
    this.readsClip.insertBySeq(row, MAX_READ_ROWS);
    this.readsTotal += 1;
    this.readsCount.textContent = String(this.readsTotal);
  }

  private readRow(ev: StoredEvent): HTMLElement {
    const p = ev.payload;
    const isMeasurement = ev.type === 'test.measurement';
    const channel = String(p.channel ?? p.name ?? '');
    const method = String(p.method ?? (isMeasurement ? 'measurement' : ''));
    const units = String(p.units ?? p.y_units ?? '');
    let valueCell: HTMLElement;
    if (typeof p.error === 'string' || (p.error !== undefined && p.error !== null && p.error !== '')) {
      valueCell = h('td', { class: 'num error', 'data-testid': 'read-value', 'data-error': String(p.error) }, `error: ${String(p.error)}`);
    } else if (isChannelRef(p.value)) {
      const ref = p.value;
      const chan = channelIdFromRef(ref._ref) ?? channel;
      valueCell = h(
        'td',
        { class: 'num', 'data-testid': 'read-value', 'data-ref': ref._ref },
        h('a', { href: `#wf-${chan}`, class: 'ref', title: ref._ref }, `waveform · ${ref.length} pts`),
      );
      this.scheduleWaveform(chan);
    } else if (typeof p.value === 'number') {
      valueCell = h(
        'td',
        { class: 'num', 'data-testid': 'read-value', 'data-value': String(p.value) },
        formatNumber(p.value),
        units ? h('span', { class: 'units' }, ` ${units}`) : null,
      );
    } else {
      valueCell = h('td', { class: 'num', 'data-testid': 'read-value' }, p.value === undefined ? '—' : JSON.stringify(p.value));
    }
    const outcome = isMeasurement ? textField(p, 'outcome') : '';
    return h(
      'tr',
      {
        'data-testid': 'read-row',
        'data-event-id': ev.id,
        'data-seq': ev.seq,
        'data-role': ev.role,
        'data-channel': channel,
        'data-type': ev.type,
      },
      h('td', { class: 'mono', title: formatIsoUtc(ev.ts) }, formatTime(ev.ts)),
      h('td', { class: 'strong' }, ev.role || '—'),
      h('td', { class: 'mono' }, channel || '—'),
      h('td', { class: 'mono' }, method, outcome ? h('span', { class: `badge badge-${outcome}` }, outcome.toUpperCase()) : null),
      valueCell,
      h('td', { class: 'num mono muted' }, formatDuration(p.duration_ns as number | undefined)),
    );
  }

  private scheduleWaveform(channelId: string): void {
    window.clearTimeout(this.chartTimers.get(channelId));
    this.chartTimers.set(
      channelId,
      window.setTimeout(() => void this.loadWaveform(channelId), WAVEFORM_DEBOUNCE_MS),
    );
  }

  private async loadWaveform(channelId: string): Promise<void> {
    const signal = this.abort.signal;
    try {
      const data = await api.channel(channelId, { session_id: this.session.session_id, max_points: 1000 }, signal);
      // The latest array of this channel in this session.
      const arr = data.arrays.slice().sort((a, b) => b.seq - a.seq)[0];
      if (!arr) return;
      let chart = this.charts.get(channelId);
      if (!chart) {
        chart = new WaveformChart(channelId);
        this.charts.set(channelId, chart);
        this.waveforms.append(chart.el);
        this.waveformPanel.hidden = false;
      }
      chart.show(arr, formatTime(arr.ts));
    } catch (err) {
      if (!signal.aborted) console.warn('litmus: waveform load failed', channelId, err);
    }
  }
}
