// Typed client for the Litmus HTTP API (SPEC E1). Every page goes through
// here so that the wire format is described once.
//
// Timestamps (*_ts) are integer nanoseconds since the epoch, UTC. They exceed
// 2^53 and so lose their last digits as JS numbers; that is fine for display
// (ms precision) but never use them as identifiers — use ids and seq.

export type Outcome =
  | ''
  | 'passed'
  | 'failed'
  | 'errored'
  | 'skipped'
  | 'terminated'
  | 'aborted'
  | 'done'
  | (string & {});

export interface Session {
  session_id: string;
  station: string;
  hostname: string;
  pid: number;
  operator: string;
  client: string;
  dut_serial: string;
  mocked: boolean;
  started_ts: number;
  ended_ts: number | null;
  /** "" while the session is live. */
  outcome: Outcome;
  synthetic_end: boolean;
  event_count: number;
  last_seq: number;
  last_ts: number;
}

export interface Instrument {
  session_id: string;
  role: string;
  type: string;
  resource: string;
  mocked: boolean;
  connected_ts: number;
  disconnected_ts: number | null;
}

export interface SessionDetail extends Session {
  instruments: Instrument[];
}

export type Payload = Record<string, unknown>;

export interface StoredEvent {
  id: number;
  session_id: string;
  seq: number;
  run_id: string;
  ts: number;
  type: string;
  role: string;
  step_path: string;
  vector_index: number;
  payload: Payload;
}

/** Claim check for an array stored in the ChannelStore. */
export interface ChannelRef {
  _ref: string;
  length: number;
}

export interface ChannelRow {
  channel_id: string;
  kind: 'scalar' | 'array';
  role: string;
  units: string;
  count: number;
  first_ts: number;
  last_ts: number;
  last_value: number | null;
  last_session_id: string;
  last_seq: number;
}

export interface ChannelArray {
  ref: string;
  session_id: string;
  seq: number;
  ts: number;
  length: number;
  x_origin: number;
  x_increment: number;
  x_units: string;
  y_units: string;
  x: number[];
  y: number[];
}

export interface ChannelData {
  channel: ChannelRow;
  x: number[];
  y: number[];
  total_points: number;
  arrays: ChannelArray[];
}

export interface EventQuery {
  session_id?: string;
  type?: string;
  role?: string;
  since?: number;
  limit?: number;
  after?: number;
  order?: 'asc' | 'desc';
}

export interface ChannelQuery {
  session_id?: string;
  since?: number;
  until?: number;
  last_n?: number;
  max_points?: number;
}

/** A 4xx/5xx answer; `message` is the server's "error" text. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | undefined>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url(path, query), { headers: { Accept: 'application/json' }, signal });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    let detail: unknown;
    try {
      const body = (await res.json()) as { error?: string; detail?: unknown };
      if (body.error) message = body.error;
      detail = body.detail;
    } catch {
      // Not JSON (a proxy error page, say): keep the status line.
    }
    throw new ApiError(res.status, message, detail);
  }
  return (await res.json()) as T;
}

export const api = {
  sessions(q: { limit?: number; offset?: number } = {}, signal?: AbortSignal) {
    return getJson<{ sessions: Session[]; total: number }>('/api/sessions', q, signal);
  },
  session(id: string, signal?: AbortSignal) {
    return getJson<SessionDetail>(`/api/sessions/${encodeURIComponent(id)}`, undefined, signal);
  },
  events(q: EventQuery = {}, signal?: AbortSignal) {
    return getJson<{ events: StoredEvent[] }>('/api/events', q as Query, signal);
  },
  channels(signal?: AbortSignal) {
    return getJson<{ channels: ChannelRow[] }>('/api/channels', undefined, signal);
  },
  channel(id: string, q: ChannelQuery = {}, signal?: AbortSignal) {
    return getJson<ChannelData>(`/api/channels/${encodeURIComponent(id)}`, q as Query, signal);
  },
};

export function isChannelRef(v: unknown): v is ChannelRef {
  return typeof v === 'object' && v !== null && typeof (v as ChannelRef)._ref === 'string';
}

/** "channel://scope.ch1/<session>/<seq>" → "scope.ch1". */
export function channelIdFromRef(ref: string): string | null {
  const m = /^channel:\/\/([^/]+)\//.exec(ref);
  return m ? m[1] : null;
}
