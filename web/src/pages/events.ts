// "/events" — every stored event (SPEC D7): filters Session ID, Event type,
// Role, Since, Limit, all in the URL; newest first; a row opens its full
// JSON. Invalid filters show the server's own error message.

import { api, ApiError, type StoredEvent } from '../api';
import { EVENT_FAMILIES, EVENT_TYPES, eventSummary, typeClass } from '../components/event-summary';
import { emptyRow, navigableRows } from '../components/table';
import { fill, h } from '../dom';
import { formatDateTime, formatIsoUtc, isoToLocalInput, localInputToIso, shortId } from '../format';
import { navigate, withQuery, type Mounted, type Params } from '../router';

const DEFAULT_LIMIT = 100;

interface Filters {
  session_id: string;
  type: string;
  role: string;
  since: string;
  limit: string;
}

function readFilters(q: URLSearchParams): Filters {
  return {
    session_id: q.get('session_id') ?? '',
    type: q.get('type') ?? '',
    role: q.get('role') ?? '',
    since: q.get('since') ?? '',
    limit: q.get('limit') ?? '',
  };
}

export function eventsPage(root: HTMLElement, _params: Params, query: URLSearchParams): Mounted {
  document.title = 'Events — Litmus';
  let abort = new AbortController();
  let filters = readFilters(query);

  const input = (name: string, attrs: Record<string, string | number | boolean>) =>
    h('input', { name, id: `f-${name}`, 'data-testid': `filter-${name}`, ...attrs });
  const fSession = input('session_id', { placeholder: 'full id or 8-char prefix', style: 'width:190px', class: 'mono' });
  const fType = input('type', { placeholder: 'any type', list: 'event-types', style: 'width:180px' });
  const fRole = input('role', { placeholder: 'any role', style: 'width:100px' });
  const fSince = input('since', { type: 'datetime-local', step: 1 });
  const fLimit = input('limit', { type: 'number', min: 1, max: 10000, placeholder: String(DEFAULT_LIMIT), style: 'width:80px;min-width:0' });
  const datalist = h('datalist', { id: 'event-types' }, ...[...EVENT_TYPES, ...EVENT_FAMILIES].map((t) => h('option', { value: t })));
  const field = (label: string, id: string, el: HTMLElement) => h('div', { class: 'field' }, h('label', { for: id }, label), el);
  const form = h(
    'form',
    { class: 'filters', 'data-testid': 'event-filters' },
    field('Session ID', 'f-session_id', fSession),
    field('Event type', 'f-type', fType),
    field('Role', 'f-role', fRole),
    field('Since (local time)', 'f-since', fSince),
    field('Limit', 'f-limit', fLimit),
    h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'filter-apply' }, 'Apply'),
    h('button', { type: 'button', class: 'btn', 'data-testid': 'filter-reset', onclick: (() => navigate('/events')) as EventListener }, 'Reset'),
    datalist,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(
      withQuery('/events', {
        session_id: fSession.value.trim(),
        type: fType.value.trim(),
        role: fRole.value.trim(),
        since: localInputToIso(fSince.value),
        limit: fLimit.value.trim(),
      }),
    );
  });

  const count = h('span', { class: 'count', 'data-testid': 'event-count' });
  const errorEl = h('div', { class: 'alert', 'data-testid': 'events-error', hidden: true });
  const body = h('tbody', { 'data-testid': 'events-body' });
  root.append(
    h(
      'div',
      { class: 'page', 'data-testid': 'events-page' },
      h('div', { class: 'page-head' }, h('div', { class: 'page-title' }, h('h1', {}, 'Events'), h('span', { class: 'sub' }, 'Every recorded fact, newest first'))),
      h('section', { class: 'panel' }, form),
      errorEl,
      h(
        'section',
        { class: 'panel' },
        h('header', { class: 'panel-head' }, h('h3', {}, 'Matching events'), count),
        h(
          'div',
          { class: 'scroll' },
          h(
            'table',
            { class: 'grid', 'data-testid': 'events-table' },
            h('thead', {}, h('tr', {}, h('th', {}, 'Timestamp'), h('th', {}, 'Type'), h('th', {}, 'Session'), h('th', {}, 'Run'), h('th', {}, 'Role'), h('th', {}, 'Summary'))),
            body,
          ),
        ),
      ),
    ),
  );

  let events = new Map<number, StoredEvent>();
  navigableRows(body, (row) => toggleJson(row));

  function toggleJson(row: HTMLElement): void {
    const next = row.nextElementSibling as HTMLElement | null;
    if (next?.classList.contains('json-row')) {
      next.remove();
      row.classList.remove('expanded');
      row.setAttribute('aria-expanded', 'false');
      return;
    }
    const ev = events.get(Number(row.dataset.eventId));
    if (!ev) return;
    row.classList.add('expanded');
    row.setAttribute('aria-expanded', 'true');
    row.after(h('tr', { class: 'json-row', 'data-testid': 'event-json' }, h('td', { colspan: 6 }, h('pre', { class: 'json' }, JSON.stringify(ev, null, 2)))));
  }

  function syncForm(): void {
    fSession.value = filters.session_id;
    fType.value = filters.type;
    fRole.value = filters.role;
    fSince.value = filters.since ? isoToLocalInput(filters.since) : '';
    fLimit.value = filters.limit;
  }

  async function load(): Promise<void> {
    abort.abort();
    abort = new AbortController();
    const signal = abort.signal;
    syncForm();
    fill(body, emptyRow(6, 'Loading…'));
    count.textContent = '';
    errorEl.hidden = true;
    try {
      const res = await api.events(
        {
          session_id: filters.session_id || undefined,
          type: filters.type || undefined,
          role: filters.role || undefined,
          since: filters.since || undefined,
          limit: filters.limit || DEFAULT_LIMIT,
          order: 'desc',
        },
        signal,
      );
      events = new Map(res.events.map((e) => [e.id, e]));
      const limit = Number(filters.limit || DEFAULT_LIMIT);
      count.textContent = `${res.events.length} event${res.events.length === 1 ? '' : 's'}${res.events.length >= limit ? ` (limit ${limit} reached)` : ''}`;
      count.dataset.count = String(res.events.length);
      if (!res.events.length) {
        fill(body, emptyRow(6, 'No events match these filters.', 'events-empty'));
        return;
      }
      fill(body, ...res.events.map(row));
    } catch (err) {
      if (signal.aborted) return;
      errorEl.hidden = false;
      errorEl.textContent = err instanceof ApiError ? err.message : `Could not load events: ${String(err)}`;
      fill(body, emptyRow(6, 'No events: fix the filters above.', 'events-empty'));
      count.textContent = '';
    }
  }

  function row(ev: StoredEvent): HTMLElement {
    return h(
      'tr',
      { tabindex: 0, 'data-testid': 'event-row', 'data-event-id': ev.id, 'data-type': ev.type, 'aria-expanded': 'false' },
      h('td', { class: 'mono', title: formatIsoUtc(ev.ts) }, formatDateTime(ev.ts), h('span', { class: 'muted' }, `.${String(Math.floor((ev.ts / 1e6) % 1000)).padStart(3, '0')}`)),
      h('td', {}, h('span', { class: typeClass(ev.type) }, ev.type)),
      h('td', { class: 'mono' }, h('a', { href: `/sessions/${encodeURIComponent(ev.session_id)}`, title: ev.session_id, 'data-testid': 'event-session' }, shortId(ev.session_id))),
      h('td', { class: 'mono' }, ev.run_id ? h('a', { href: `/results/${encodeURIComponent(ev.run_id)}`, title: ev.run_id }, shortId(ev.run_id)) : h('span', { class: 'muted' }, '—')),
      h('td', {}, ev.role || h('span', { class: 'muted' }, '—')),
      h('td', { class: 'ellipsis wrap', 'data-testid': 'event-summary', style: 'max-width:560px' }, eventSummary(ev)),
    );
  }

  void load();
  return {
    update(_p: Params, q: URLSearchParams) {
      filters = readFilters(q);
      void load();
    },
    unmount() {
      abort.abort();
    },
  };
}
