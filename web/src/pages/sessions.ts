// "/" and "/sessions/<id>": live station sessions. The list (newest first)
// and the selected session's detail update from the tab's one live stream.
// On "/" the selection follows the newest session, so a bench screen shows
// whatever starts next; "/sessions/<id>" pins one.

import { api, numberField, textField, type Session, type StoredEvent } from '../api';
import { isLive, statusBadge } from '../components/status';
import { fill, h } from '../dom';
import { formatIsoUtc, formatStarted } from '../format';
import { live } from '../live';
import type { Mounted, Params } from '../router';
import { SessionDetailView } from './session-detail';

const LIST_LIMIT = 100;

function sessionFromStarted(ev: StoredEvent): Session {
  const p = ev.payload;
  const str = (k: string) => textField(p, k);
  return {
    session_id: ev.session_id,
    station: str('station'),
    hostname: str('hostname'),
    pid: numberField(p, 'pid') ?? 0,
    operator: str('operator'),
    client: str('client'),
    dut_serial: str('dut_serial'),
    mocked: Boolean(p.mocked),
    started_ts: ev.ts,
    ended_ts: null,
    outcome: '',
    synthetic_end: false,
    event_count: 1,
    last_seq: ev.seq,
    last_ts: ev.ts,
  };
}

export function sessionsPage(root: HTMLElement, params: Params): Mounted {
  const abort = new AbortController();
  const sessions = new Map<string, Session>();
  let pinned: string | null = params.id ?? null;
  let detail: SessionDetailView | null = null;
  let loaded = false;
  // Sessions whose events arrived before we knew them (e.g. list paging).
  const fetching = new Set<string>();

  const count = h('span', { class: 'count mono', 'data-testid': 'session-count' });
  const listBody = h('tbody');
  const detailSlot = h('div', { class: 'detail-slot' });
  root.append(
    h(
      'div',
      { class: 'page page-sessions' },
      h(
        'section',
        { class: 'panel session-list', 'data-testid': 'session-list' },
        h('header', { class: 'panel-head' }, h('h3', {}, 'Sessions'), count),
        h(
          'div',
          { class: 'scroll' },
          h(
            'table',
            { class: 'grid grid-select' },
            h('thead', {}, h('tr', {}, h('th', {}, 'Status'), h('th', {}, 'Station'), h('th', {}, 'DUT'), h('th', {}, 'Operator'), h('th', {}, 'Started'))),
            listBody,
          ),
        ),
      ),
      detailSlot,
    ),
  );

  const ordered = () =>
    [...sessions.values()].sort((a, b) => b.started_ts - a.started_ts || b.session_id.localeCompare(a.session_id));

  const selectedId = (): string | null => pinned ?? ordered()[0]?.session_id ?? null;

  function row(s: Session, selected: boolean): HTMLElement {
    const href = `/sessions/${encodeURIComponent(s.session_id)}`;
    return h(
      'tr',
      {
        'data-testid': 'session-row',
        'data-session-id': s.session_id,
        'data-live': isLive(s) ? 'true' : 'false',
        class: selected ? 'selected' : null,
        'aria-selected': selected ? 'true' : 'false',
        // The whole row is the target; the anchor keeps middle-click/new-tab.
        onclick: ((e: Event) => {
          if ((e.target as Element).closest('a')) return;
          (root.querySelector(`a[href="${CSS.escape(href)}"]`) as HTMLAnchorElement | null)?.click();
        }) as EventListener,
      },
      h('td', {}, statusBadge(s)),
      h('td', { class: 'strong' }, h('a', { href, 'data-testid': 'session-link' }, s.station || '—')),
      h('td', { class: 'mono' }, s.dut_serial || '—'),
      h('td', {}, s.operator || '—'),
      h('td', { class: 'mono', 'data-testid': 'session-started', title: formatIsoUtc(s.started_ts) }, formatStarted(s.started_ts)),
    );
  }

  function renderList(): void {
    const list = ordered();
    count.textContent = String(list.length);
    if (!list.length) {
      fill(listBody, h('tr', { class: 'empty' }, h('td', { colspan: 5 }, loaded ? 'No sessions yet.' : 'Loading…')));
      return;
    }
    const sel = selectedId();
    fill(listBody, ...list.map((s) => row(s, s.session_id === sel)));
  }

  function renderDetail(): void {
    const id = selectedId();
    if (detail && detail.sessionId === id) return;
    detail?.destroy();
    detail = null;
    if (!id) {
      fill(
        detailSlot,
        h(
          'div',
          { class: 'panel empty-state', 'data-testid': 'no-sessions' },
          h('h2', {}, loaded ? 'No sessions yet' : 'Loading…'),
          loaded ? h('p', {}, 'Sessions appear here the moment a test program or script connects to a station — for example ', h('code', {}, 'build/examples/tutorial'), ' run from examples/demo.') : null,
        ),
      );
      return;
    }
    const s = sessions.get(id);
    if (!s) {
      // A pinned id we have not seen: ask for it (404 → not found).
      fill(detailSlot, h('div', { class: 'panel empty-state' }, h('h2', {}, 'Loading…')));
      void fetchSession(id, true);
      return;
    }
    detail = new SessionDetailView(s);
    fill(detailSlot, detail.el);
  }

  async function fetchSession(id: string, showMissing = false): Promise<void> {
    if (fetching.has(id)) return;
    fetching.add(id);
    try {
      const s = await api.session(id, abort.signal);
      sessions.set(s.session_id, { ...s });
      renderList();
      renderDetail();
    } catch (err) {
      if (showMissing && !abort.signal.aborted && selectedId() === id) {
        fill(detailSlot, h('div', { class: 'panel empty-state', 'data-testid': 'session-not-found' }, h('h2', {}, 'Session not found.'), h('p', { class: 'mono' }, id)));
      }
    } finally {
      fetching.delete(id);
    }
  }

  function onEvent(ev: StoredEvent): void {
    let s = sessions.get(ev.session_id);
    if (ev.type === 'session.started') {
      if (!s) {
        sessions.set(ev.session_id, sessionFromStarted(ev));
        renderList();
        renderDetail();
      }
    } else if (!s) {
      if (loaded) void fetchSession(ev.session_id);
    } else {
      s.last_seq = Math.max(s.last_seq, ev.seq);
      s.last_ts = ev.ts;
      s.event_count += 1;
      if (ev.type === 'session.ended') {
        s = Object.assign(s, { outcome: String(ev.payload.outcome ?? 'done'), ended_ts: ev.ts, synthetic_end: Boolean(ev.payload.synthetic) });
        renderList();
      }
    }
    if (detail && detail.sessionId === ev.session_id) detail.onEvent(ev);
  }

  // Subscribe before the list loads: the stream cursor was fixed before this
  // page mounted, so nothing falls between the REST answer and the stream.
  const unsubscribe = live.subscribe(onEvent);

  renderList();
  renderDetail();
  api
    .sessions({ limit: LIST_LIMIT }, abort.signal)
    .then(({ sessions: list }) => {
      // Stream-built entries may be fresher (e.g. ended meanwhile): keep them.
      for (const s of list) if (!sessions.has(s.session_id)) sessions.set(s.session_id, s);
      loaded = true;
      renderList();
      renderDetail();
    })
    .catch((err) => {
      if (abort.signal.aborted) return;
      loaded = true;
      fill(listBody, h('tr', { class: 'empty' }, h('td', { colspan: 5, class: 'error', 'data-testid': 'list-error' }, `Could not load sessions: ${String(err)}`)));
    });

  return {
    update(next: Params) {
      pinned = next.id ?? null;
      renderList();
      renderDetail();
    },
    unmount() {
      unsubscribe();
      abort.abort();
      detail?.destroy();
    },
  };
}
