// The one live stream of a tab. Browsers allow ~6 connections per host, so
// a stream per widget would starve the page's own fetches; instead every page
// subscribes here and this module multiplexes a single EventSource.
//
// Resumable: it remembers the id of the last event delivered and, after any
// error (server restart, network drop), opens a new stream at
// /api/stream?cursor=<that id>, so events emitted while it was away arrive
// in order and none twice. We reconnect by hand rather than rely on
// EventSource's built-in retry, because that would re-use the original URL
// (and its stale cursor).

import { api, type StoredEvent } from './api';
import { blinkWithChange } from './blink';

export type StreamState = 'connecting' | 'open' | 'reconnecting';

export interface EventFilter {
  session_id?: string;
  type?: string | string[];
}

type EventHandler = (ev: StoredEvent) => void;
type StateHandler = (state: StreamState) => void;

interface Subscriber {
  filter: EventFilter;
  fn: EventHandler;
}

const MIN_RETRY_MS = 250;
const MAX_RETRY_MS = 5000;

function matches(f: EventFilter, ev: StoredEvent): boolean {
  if (f.session_id !== undefined && f.session_id !== ev.session_id) return false;
  if (f.type !== undefined) {
    return Array.isArray(f.type) ? f.type.includes(ev.type) : f.type === ev.type;
  }
  return true;
}

export class LiveStream {
  private source: EventSource | null = null;
  private cursor: number | null = null;
  private subscribers = new Set<Subscriber>();
  private stateHandlers = new Set<StateHandler>();
  private retryMs = MIN_RETRY_MS;
  private retryTimer: number | undefined;
  private started: Promise<void> | null = null;
  private _state: StreamState = 'connecting';

  /** Id of the last event delivered (the resume point), or null before any. */
  get lastEventId(): number | null {
    return this.cursor;
  }

  get state(): StreamState {
    return this._state;
  }

  /**
   * Starts the stream at "now": the id of the newest stored event when the
   * page was served, so a page that loads its data after this resolves
   * misses nothing (events between are delivered twice; every page applies
   * them idempotently). Idempotent.
   */
  start(): Promise<void> {
    if (!this.started) {
      this.started = this.initCursor().then(() => this.connect());
    }
    return this.started;
  }

  subscribe(fn: EventHandler, filter: EventFilter = {}): () => void {
    const sub = { fn, filter };
    this.subscribers.add(sub);
    return () => this.subscribers.delete(sub);
  }

  onState(fn: StateHandler): () => void {
    this.stateHandlers.add(fn);
    fn(this._state);
    return () => this.stateHandlers.delete(fn);
  }

  private async initCursor(): Promise<void> {
    // `litmus serve` writes the newest event id into index.html as it
    // serves it: no round trip before the pages may fetch. Only a page
    // served without it (the Vite dev server) asks.
    const served = document.querySelector<HTMLMetaElement>('meta[name="litmus-event-cursor"]')?.content ?? '';
    if (/^\d+$/.test(served)) {
      this.cursor = Number(served);
      return;
    }
    try {
      const { events } = await api.events({ order: 'desc', limit: 1 });
      this.cursor = events.length ? events[0].id : 0;
    } catch {
      // Server not reachable yet: connect() retries and, lacking a cursor,
      // lets the server choose where a fresh stream starts.
      this.cursor = null;
    }
  }

  private setState(s: StreamState): void {
    if (s === this._state) return;
    this._state = s;
    for (const fn of this.stateHandlers) fn(s);
  }

  private connect(): void {
    window.clearTimeout(this.retryTimer);
    const url = this.cursor === null ? '/api/stream' : `/api/stream?cursor=${this.cursor}`;
    const es = new EventSource(url);
    this.source = es;
    es.onopen = () => {
      this.retryMs = MIN_RETRY_MS;
      this.setState('open');
    };
    const onMessage = (m: MessageEvent<string>) => this.deliver(m);
    es.addEventListener('event', onMessage);
    // Tolerate a server that sends unnamed messages.
    es.onmessage = onMessage;
    es.onerror = () => {
      if (this.source !== es) return;
      es.close();
      this.source = null;
      this.setState('reconnecting');
      this.retryTimer = window.setTimeout(() => void this.reconnect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    };
  }

  private async reconnect(): Promise<void> {
    // A server back with fewer events than we have seen is serving another
    // (or a recreated) database: our cursor means nothing there and the
    // page's state is stale, so start over.
    try {
      const { events } = await api.events({ order: 'desc', limit: 1 });
      const newest = events.length ? events[0].id : 0;
      if (this.cursor !== null && newest < this.cursor) {
        window.location.reload();
        return;
      }
    } catch {
      // Still down: connect() fails and schedules the next try.
    }
    this.connect();
  }

  private deliver(m: MessageEvent<string>): void {
    let ev: StoredEvent;
    try {
      ev = JSON.parse(m.data) as StoredEvent;
    } catch {
      console.warn('litmus: unparseable stream message', m.data);
      return;
    }
    // Ids grow with commit order; anything at or below the cursor was
    // already delivered (e.g. replayed around a reconnect).
    if (this.cursor !== null && ev.id <= this.cursor) return;
    this.cursor = ev.id;
    let shown = false;
    for (const sub of [...this.subscribers]) {
      if (!matches(sub.filter, ev)) continue;
      shown = true;
      try {
        sub.fn(ev);
      } catch (err) {
        // One broken widget must not stop the others from updating.
        console.error('litmus: live subscriber failed', err);
      }
    }
    if (shown) blinkWithChange();
  }
}

/** The tab's single stream. */
export const live = new LiveStream();
