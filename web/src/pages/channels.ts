// "/channels" — every channel (SPEC D8): latest value with units, a
// sparkline of recent history, type, instrument, last update; rows update
// in place from the stream's instrument.read events.

import { api, isChannelRef, textField, type ChannelRow, type StoredEvent } from '../api';
import { sparkline } from '../components/sparkline';
import { ArrivalMarks, emptyRow, followRowLink, navigableRows } from '../components/table';
import { fill, h } from '../dom';
import { formatDateTime, formatIsoUtc, formatNumber } from '../format';
import { live } from '../live';
import type { Mounted } from '../router';

const SPARK_POINTS = 60;
const SPARK_REFRESH_MS = 400;

interface Entry {
  row: ChannelRow;
  spark: number[];
  tr: HTMLElement;
}

export function channelsPage(root: HTMLElement): Mounted {
  document.title = 'Channels — Litmus';
  const abort = new AbortController();
  const entries = new Map<string, Entry>();
  const body = h('tbody', { 'data-testid': 'channels-body' });
  const count = h('span', { class: 'count', 'data-testid': 'channel-count' });
  navigableRows(body, followRowLink);
  root.append(
    h(
      'div',
      { class: 'page', 'data-testid': 'channels-page' },
      h('div', { class: 'page-head' }, h('div', { class: 'page-title' }, h('h1', {}, 'Channels'), h('span', { class: 'sub' }, 'Every instrument quantity recorded, with its latest value'))),
      h(
        'section',
        { class: 'panel' },
        h('header', { class: 'panel-head' }, h('h3', {}, 'Channels'), count),
        h(
          'div',
          { class: 'scroll' },
          h(
            'table',
            { class: 'grid', 'data-testid': 'channels-table' },
            h('thead', {}, h('tr', {}, h('th', {}, 'Channel ID'), h('th', { class: 'num' }, 'Latest'), h('th', {}, 'History'), h('th', {}, 'Type'), h('th', {}, 'Instrument'), h('th', { class: 'num' }, 'Points'), h('th', {}, 'Last updated'))),
            body,
          ),
        ),
      ),
    ),
  );
  fill(body, emptyRow(7, 'Loading…'));

  function latestCell(r: ChannelRow): HTMLElement {
    if (r.kind === 'array') return h('td', { class: 'num', 'data-testid': 'channel-latest' }, h('span', { class: 'muted' }, 'waveform'));
    return h(
      'td',
      { class: 'num strong', 'data-testid': 'channel-latest', 'data-value': r.last_value === null ? '' : String(r.last_value) },
      r.last_value === null ? '—' : formatNumber(r.last_value),
      r.units ? h('span', { class: 'units' }, ` ${r.units}`) : null,
    );
  }

  function buildRow(e: Entry): HTMLElement {
    const r = e.row;
    return h(
      'tr',
      { tabindex: 0, 'data-testid': 'channel-row', 'data-channel-id': r.channel_id, 'data-count': r.count },
      h('td', { class: 'mono strong' }, h('a', { href: `/channels/${encodeURIComponent(r.channel_id)}` }, r.channel_id)),
      latestCell(r),
      h('td', {}, sparkline(e.spark)),
      h('td', {}, r.kind === 'array' ? 'Array (waveform)' : 'Scalar'),
      h('td', {}, r.role || '—'),
      h('td', { class: 'num' }, String(r.count)),
      h('td', { class: 'mono', title: formatIsoUtc(r.last_ts), 'data-testid': 'channel-updated' }, formatDateTime(r.last_ts)),
    );
  }

  function render(): void {
    const list = [...entries.values()].sort((a, b) => a.row.channel_id.localeCompare(b.row.channel_id));
    count.textContent = `${list.length} channel${list.length === 1 ? '' : 's'}`;
    if (!list.length) {
      fill(body, emptyRow(7, 'No channels yet. Channels appear when an instrument is read (e.g. dmm.voltage, scope.ch1).', 'channels-empty'));
      return;
    }
    for (const e of list) e.tr = buildRow(e);
    fill(body, ...list.map((e) => e.tr));
  }

  const arrivals = new ArrivalMarks();
  /**
   * `arrived`: a read just came for this channel (the row is tinted). A row
   * rebuilt while still tinted (its sparkline came) stays tinted.
   */
  function replaceRow(e: Entry, arrived = false): void {
    const old = e.tr;
    e.tr = buildRow(e);
    if (arrived || old.classList.contains('fresh')) arrivals.mark(e.tr);
    const hadFocus = document.activeElement === old;
    if (old.parentElement) old.replaceWith(e.tr);
    if (hadFocus) e.tr.focus();
  }

  async function loadSpark(e: Entry): Promise<void> {
    try {
      const id = e.row.channel_id;
      const data =
        e.row.kind === 'array'
          ? await api.channel(id, { last_n: 1, max_points: SPARK_POINTS }, abort.signal)
          : await api.channel(id, { last_n: SPARK_POINTS }, abort.signal);
      e.spark = e.row.kind === 'array' ? (data.arrays[data.arrays.length - 1]?.y ?? []) : data.y;
      replaceRow(e);
    } catch {
      // The row still shows its latest value.
    }
  }

  async function load(): Promise<void> {
    try {
      const { channels } = await api.channels(abort.signal);
      for (const r of channels) {
        const e = entries.get(r.channel_id);
        if (e) e.row = r;
        else entries.set(r.channel_id, { row: r, spark: [], tr: h('tr') });
      }
      render();
      for (const e of entries.values()) void loadSpark(e);
    } catch (err) {
      if (abort.signal.aborted) return;
      fill(body, h('tr', {}, h('td', { colspan: 7, class: 'error', 'data-testid': 'channels-error' }, `Could not load channels: ${String(err)}`)));
    }
  }

  const sparkTimers = new Map<string, number>();
  let reloadTimer: number | undefined;
  const unsubscribe = live.subscribe(
    (ev: StoredEvent) => {
      const p = ev.payload;
      const id = textField(p, 'channel');
      if (!id || (p.error !== undefined && p.error !== null && p.error !== '')) return;
      const e = entries.get(id);
      if (!e) {
        // A new channel: the list learns its descriptor from the server.
        window.clearTimeout(reloadTimer);
        reloadTimer = window.setTimeout(() => void load(), SPARK_REFRESH_MS);
        return;
      }
      e.row = { ...e.row, count: e.row.count + 1, last_ts: ev.ts, last_session_id: ev.session_id, last_seq: ev.seq };
      if (isChannelRef(p.value)) {
        window.clearTimeout(sparkTimers.get(id));
        sparkTimers.set(id, window.setTimeout(() => void loadSpark(e), SPARK_REFRESH_MS));
      } else if (typeof p.value === 'number') {
        e.row.last_value = p.value;
        e.spark = [...e.spark, p.value].slice(-SPARK_POINTS);
      }
      replaceRow(e, true);
    },
    { type: 'instrument.read' },
  );

  void load();
  return {
    unmount() {
      unsubscribe();
      abort.abort();
      window.clearTimeout(reloadTimer);
      for (const t of sparkTimers.values()) window.clearTimeout(t);
      arrivals.stop();
    },
  };
}
