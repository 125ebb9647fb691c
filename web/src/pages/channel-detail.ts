// "/channels/<id>" — one channel (SPEC D8): descriptor, Session / Since /
// Until filters in the URL, a uPlot chart decimated by the server
// (max_points = chart width, re-queried on zoom), waveforms overlaid with an
// envelope of older captures, and the raw samples a page at a time.

import { api, ApiError, type ChannelArray, type ChannelData, type ChannelQuery, type ChannelRow } from '../api';
import { ChannelChart, xsOf } from '../components/channel-chart';
import { emptyRow, pager } from '../components/table';
import { fill, h } from '../dom';
import { formatDateTime, formatIsoUtc, formatNumber, formatTime, isoToLocalInput, localInputToIso, shortId } from '../format';
import { navigate, withQuery, type Mounted, type Params } from '../router';

const WAVEFORMS = 20;
const RAW_PAGE = 50;

interface Filters {
  session_id: string;
  since: string;
  until: string;
}

export function channelDetailPage(root: HTMLElement, params: Params, query: URLSearchParams): Mounted {
  const id = params.id;
  document.title = `${id} — Channels — Litmus`;
  let abort = new AbortController();
  let filters: Filters = read(query);
  let zoom: [number, number] | null = null;
  let channel: ChannelRow | null = null;
  let rawPage = 0;
  let latestArray: ChannelArray | null = null;
  let totalPoints = 0;

  const chart = new ChannelChart();
  const descriptor = h('dl', { class: 'meta-grid', 'data-testid': 'channel-descriptor' });
  const errorEl = h('div', { class: 'alert', 'data-testid': 'channel-error', hidden: true });
  const chartCaption = h('span', { class: 'chart-hint', 'data-testid': 'chart-caption' });
  const zoomReset = h('button', { type: 'button', class: 'btn btn-sm', hidden: true, 'data-testid': 'zoom-reset', onclick: (() => setZoom(null)) as EventListener }, 'Reset zoom');
  const rawHead = h('tr');
  const rawBody = h('tbody', { 'data-testid': 'raw-body' });
  const rawFoot = h('div', { class: 'table-foot' });
  const fSession = h('input', { id: 'f-session', 'data-testid': 'filter-session_id', class: 'mono', size: 22, placeholder: 'all sessions' });
  const fSince = h('input', { id: 'f-since', 'data-testid': 'filter-since', type: 'datetime-local', step: 1 });
  const fUntil = h('input', { id: 'f-until', 'data-testid': 'filter-until', type: 'datetime-local', step: 1 });
  const field = (label: string, fid: string, el: HTMLElement) => h('div', { class: 'field' }, h('label', { for: fid }, label), el);
  const form = h(
    'form',
    { class: 'filters', 'data-testid': 'channel-filters' },
    field('Session ID', 'f-session', fSession),
    field('Since (local time)', 'f-since', fSince),
    field('Until (local time)', 'f-until', fUntil),
    h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'filter-apply' }, 'Apply'),
    h('button', { type: 'button', class: 'btn', onclick: (() => navigate(`/channels/${encodeURIComponent(id)}`)) as EventListener }, 'Reset'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(
      withQuery(`/channels/${encodeURIComponent(id)}`, {
        session_id: fSession.value.trim(),
        since: localInputToIso(fSince.value),
        until: localInputToIso(fUntil.value),
      }),
    );
  });

  const content = h(
    'div',
    { class: 'page', 'data-testid': 'channel-detail', 'data-channel-id': id },
    h(
      'div',
      { class: 'page-head' },
      h('div', { class: 'page-title' }, h('a', { href: '/channels', class: 'btn btn-sm' }, '← Channels'), h('h1', { class: 'mono' }, id)),
    ),
    h('section', { class: 'panel' }, descriptor),
    h('section', { class: 'panel' }, form),
    errorEl,
    h('section', { class: 'panel' }, h('header', { class: 'panel-head' }, h('h3', {}, 'Chart'), h('div', { class: 'pager' }, chartCaption, zoomReset)), chart.el),
    h(
      'section',
      { class: 'panel' },
      h('header', { class: 'panel-head' }, h('h3', {}, 'Raw samples')),
      h('div', { class: 'scroll' }, h('table', { class: 'grid', 'data-testid': 'raw-table' }, h('thead', {}, rawHead), rawBody)),
      rawFoot,
    ),
  );
  root.append(content);

  function read(q: URLSearchParams): Filters {
    return { session_id: q.get('session_id') ?? '', since: q.get('since') ?? '', until: q.get('until') ?? '' };
  }

  function baseQuery(): ChannelQuery {
    return {
      session_id: filters.session_id || undefined,
      since: zoom ? zoom[0] : filters.since || undefined,
      until: zoom ? zoom[1] : filters.until || undefined,
    };
  }

  function renderDescriptor(c: ChannelRow): void {
    const item = (label: string, value: Node | string, testid: string, mono = false, title?: string) =>
      h('div', { class: 'meta-item' }, h('dt', {}, label), h('dd', { class: mono ? 'mono' : null, 'data-testid': testid, title: title ?? null }, value));
    fill(
      descriptor,
      item('Channel', c.channel_id, 'desc-id', true),
      item('Type', c.kind === 'array' ? 'Array (waveform)' : 'Scalar', 'desc-kind'),
      item('Instrument', c.role || '—', 'desc-role'),
      item('Units', c.units || '—', 'desc-units'),
      item(c.kind === 'array' ? 'Captures' : 'Points', String(c.count), 'desc-count', true),
      item('Latest', c.kind === 'array' ? 'waveform' : c.last_value === null ? '—' : `${formatNumber(c.last_value)} ${c.units}`, 'desc-latest', true),
      item('First', formatDateTime(c.first_ts), 'desc-first', true, formatIsoUtc(c.first_ts)),
      item('Last updated', formatDateTime(c.last_ts), 'desc-last', true, formatIsoUtc(c.last_ts)),
      item('Last session', h('a', { href: `/sessions/${encodeURIComponent(c.last_session_id)}`, title: c.last_session_id }, shortId(c.last_session_id)), 'desc-session', true),
    );
  }

  function setZoom(z: [number, number] | null): void {
    zoom = z;
    rawPage = 0;
    void loadChart();
    void loadRaw();
  }

  async function loadChart(): Promise<void> {
    const signal = abort.signal;
    const maxPoints = chart.width();
    chart.el.dataset.maxPoints = String(maxPoints);
    chart.el.dataset.zoomed = zoom ? 'true' : 'false';
    zoomReset.hidden = !zoom;
    try {
      let data: ChannelData;
      if (channel?.kind === 'array') {
        data = await api.channel(id, { ...baseQuery(), last_n: WAVEFORMS, max_points: maxPoints }, signal);
        channel = data.channel;
        renderDescriptor(data.channel);
        if (!data.arrays.length) chart.showEmpty('No waveforms in this range.');
        else chart.showArrays(data.arrays);
        chartCaption.textContent = data.arrays.length
          ? `${Math.min(3, data.arrays.length)} latest capture${data.arrays.length > 1 ? 's' : ''} overlaid${data.arrays.length > 3 ? `, ${data.arrays.length - 3} older as min/max envelope` : ''}`
          : '';
      } else {
        data = await api.channel(id, { ...baseQuery(), max_points: maxPoints }, signal);
        channel = data.channel;
        renderDescriptor(data.channel);
        totalPoints = data.total_points;
        if (!data.y.length) chart.showEmpty('No points in this range.');
        else chart.showScalar(data.x, data.y, data.channel.units, id);
        chart.el.dataset.totalPoints = String(data.total_points);
        chartCaption.textContent = `${data.y.length} of ${data.total_points} points shown${data.y.length < data.total_points ? ' (LTTB)' : ''} · drag to zoom${zoom ? ', double-click to reset' : ''}`;
      }
      errorEl.hidden = true;
    } catch (err) {
      if (signal.aborted) return;
      showError(err);
    }
  }

  function showError(err: unknown): void {
    errorEl.hidden = false;
    if (err instanceof ApiError && err.status === 404 && err.message === 'channel not found') {
      fill(content, h('div', { class: 'panel empty-state', 'data-testid': 'channel-not-found' }, h('h2', {}, 'Channel not found.'), h('p', {}, h('span', { class: 'mono' }, id), ' has no recorded data. ', h('a', { href: '/channels' }, 'All channels'))));
      return;
    }
    errorEl.textContent = err instanceof ApiError ? err.message : String(err);
  }

  async function loadRaw(): Promise<void> {
    const signal = abort.signal;
    try {
      if (channel?.kind === 'array') {
        fill(rawHead, h('th', { class: 'num' }, '#'), h('th', { class: 'num' }, `x (${latestArray?.x_units || 'x'})`), h('th', { class: 'num' }, `y (${latestArray?.y_units || channel.units || 'y'})`));
        if (!latestArray || rawPage === 0) {
          const data = await api.channel(id, { ...baseQuery(), last_n: 1 }, signal);
          latestArray = data.arrays[data.arrays.length - 1] ?? null;
          fill(rawHead, h('th', { class: 'num' }, '#'), h('th', { class: 'num' }, `x (${latestArray?.x_units || 'x'})`), h('th', { class: 'num' }, `y (${latestArray?.y_units || channel.units || 'y'})`));
        }
        const a = latestArray;
        if (!a) {
          fill(rawBody, emptyRow(3, 'No waveform in this range.', 'raw-empty'));
          fill(rawFoot);
          return;
        }
        const xs = xsOf(a);
        const from = rawPage * RAW_PAGE;
        fill(rawBody, ...a.y.slice(from, from + RAW_PAGE).map((y, i) => h('tr', { 'data-testid': 'raw-row' }, h('td', { class: 'num muted' }, String(from + i)), h('td', { class: 'num' }, formatNumber(xs[from + i])), h('td', { class: 'num' }, formatNumber(y)))));
        fill(
          rawFoot,
          h('span', { class: 'muted' }, `Latest capture: seq ${a.seq}, ${formatTime(a.ts)}, session ${shortId(a.session_id)}`),
          pager({ offset: from, limit: RAW_PAGE, total: a.y.length }, (n) => {
            rawPage = Math.floor(n.offset / RAW_PAGE);
            void loadRaw();
          }, [RAW_PAGE]),
        );
        return;
      }
      fill(rawHead, h('th', {}, 'Timestamp'), h('th', { class: 'num' }, `Value${channel?.units ? ` (${channel.units})` : ''}`));
      // Newest first: page p holds the points from (p+1)·N back to p·N back.
      const n = (rawPage + 1) * RAW_PAGE;
      const data = await api.channel(id, { ...baseQuery(), last_n: n }, signal);
      const total = data.total_points ?? totalPoints;
      const end = Math.max(0, data.y.length - rawPage * RAW_PAGE);
      const start = Math.max(0, end - RAW_PAGE);
      const rows: HTMLElement[] = [];
      for (let i = end - 1; i >= start; i--) {
        rows.push(h('tr', { 'data-testid': 'raw-row' }, h('td', { class: 'mono', title: formatIsoUtc(data.x[i]) }, `${formatDateTime(data.x[i])}.${String(Math.floor((data.x[i] / 1e6) % 1000)).padStart(3, '0')}`), h('td', { class: 'num' }, formatNumber(data.y[i]))));
      }
      fill(rawBody, ...(rows.length ? rows : [emptyRow(2, 'No points in this range.', 'raw-empty')]));
      fill(
        rawFoot,
        h('span', { class: 'muted' }, 'Newest first, not decimated'),
        pager({ offset: rawPage * RAW_PAGE, limit: RAW_PAGE, total }, (next) => {
          rawPage = Math.floor(next.offset / RAW_PAGE);
          void loadRaw();
        }, [RAW_PAGE]),
      );
    } catch (err) {
      if (!signal.aborted) showError(err);
    }
  }

  async function loadAll(): Promise<void> {
    abort.abort();
    abort = new AbortController();
    fSession.value = filters.session_id;
    fSince.value = filters.since ? isoToLocalInput(filters.since) : '';
    fUntil.value = filters.until ? isoToLocalInput(filters.until) : '';
    rawPage = 0;
    latestArray = null;
    if (!channel) {
      try {
        // The descriptor says whether this is a scalar or an array channel.
        const d = await api.channel(id, { last_n: 1, max_points: 3 }, abort.signal);
        channel = d.channel;
        renderDescriptor(d.channel);
      } catch (err) {
        if (!abort.signal.aborted) showError(err);
        return;
      }
    }
    await loadChart();
    await loadRaw();
  }

  chart.onZoom = (range) => setZoom(range);
  void loadAll();
  return {
    update(p: Params, q: URLSearchParams) {
      if (p.id !== id) return false;
      filters = read(q);
      zoom = null;
      void loadAll();
      return true;
    },
    unmount() {
      abort.abort();
      chart.destroy();
    },
  };
}
