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

// A payload's fields as the store reads them (src/store/json_fields.hpp):
// a field of another type counts as absent. For the pages that make a row
// from an event themselves, so that it is the row the server would return.

/** `key`'s string, or "" if absent or not a string. */
export function textField(p: Payload, key: string): string {
  const v = p[key];
  return typeof v === 'string' ? v : '';
}

/** `key`'s number, or null if absent or not a number. */
export function numberField(p: Payload, key: string): number | null {
  const v = p[key];
  return typeof v === 'number' ? v : null;
}

/** `key`'s object, or an empty one if absent or not an object. */
export function objectField(p: Payload, key: string): Payload {
  const v = p[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Payload) : {};
}

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
  /** ns since the epoch, or ISO-8601 with a zone. */
  since?: number | string;
  limit?: number | string;
  after?: number;
  order?: 'asc' | 'desc';
}

export interface ChannelQuery {
  session_id?: string;
  since?: number | string;
  until?: number | string;
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

/** One execution of a test program (docs/http-api.md, Runs). */
export interface Run {
  run_id: string;
  session_id: string;
  started_ts: number;
  /** null while the run is in flight. */
  ended_ts: number | null;
  /** null (or "") while in flight. */
  outcome: Outcome | null;
  reason?: string;
  synthetic_end?: boolean;
  duration_ns: number | null;
  dut_serial: string;
  dut_part_number: string;
  dut_revision?: string;
  dut_lot_number?: string;
  product: string;
  fixture?: string;
  station: string;
  operator: string;
  phase: string;
  profile?: string;
  project: string;
  program: string;
  git_commit?: string;
  git_branch?: string;
  mocked: boolean;
  filter?: string;
  environment?: Record<string, unknown> | null;
  counts?: Record<string, number> | null;
  step_count: number;
  measurement_count: number;
  hostname: string;
}

export interface RunStats {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  aborted: number;
  terminated: number;
  skipped?: number;
  done?: number;
  running: number;
  pass_rate: number | null;
  latest_started_ts: number | null;
}

export interface RunList {
  runs: Run[];
  total: number;
  offset: number;
  limit: number;
  sort: string;
  order: 'asc' | 'desc';
  stats: RunStats;
}

export interface StepStats {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  done?: number;
  aborted?: number;
  terminated?: number;
  never_ran: number;
  running: number;
  pending: number;
  attempts?: number;
}

export interface MeasurementStats {
  total: number;
  passed: number;
  failed: number;
  errored?: number;
  done?: number;
  pass_rate: number | null;
}

export interface RunDetail extends Run {
  session: SessionDetail | null;
  instruments: Instrument[];
  step_stats: StepStats;
  measurement_stats: MeasurementStats;
}

export interface StepFailure {
  file: string;
  line: number;
  message: string;
}

export interface Step {
  run_id: string;
  session_id: string;
  step_path: string;
  vector_index: number;
  vector_retry: number;
  position: number;
  suite: string;
  name: string;
  file: string;
  line: number | null;
  inputs: Record<string, unknown> | null;
  status: 'pending' | 'running' | 'ended' | 'never_ran' | (string & {});
  outcome: Outcome | null;
  started_ts: number | null;
  ended_ts: number | null;
  duration_ns: number | null;
  retrying: boolean;
  error: string;
  failures: StepFailure[] | null;
  measurement_count: number;
}

export interface Measurement {
  session_id: string;
  seq: number;
  run_id: string;
  step_path: string;
  /** null for a measurement outside any step. */
  vector_index: number | null;
  vector_retry: number;
  ts: number;
  name: string;
  value: number | null;
  units: string;
  /** null when not judged and not given. */
  outcome: Outcome | null;
  low: number | null;
  high: number | null;
  nominal: number | null;
  comparator: string;
  limit_source?: string;
  instrument_role: string;
  instrument_channel: string;
  instrument_resource?: string;
  error?: string;
}

export interface ActiveRun {
  run_id: string;
  session_id: string;
  station: string;
  hostname: string;
  dut_serial: string;
  dut_part_number: string;
  program: string;
  phase: string;
  operator: string;
  started_ts: number;
  steps_total: number;
  steps_finished: number;
  current_step: string | null;
  dialogs_waiting: number;
}

export interface StationInstrument {
  role: string;
  type: string;
  driver: string;
  resource: string;
  mock: boolean;
}

export interface Station {
  id: string;
  name: string;
  file: string;
  hostname: string;
  location: string;
  description: string;
  supported_phases: string[];
  instruments: StationInstrument[];
}

export type RunSort =
  | 'outcome'
  | 'serial'
  | 'part_number'
  | 'hostname'
  | 'project'
  | 'phase'
  | 'started'
  | 'steps'
  | 'measurements';

export interface RunQuery {
  sort?: RunSort;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
  station?: string;
  dut_serial?: string;
  outcome?: string;
  project?: string;
  phase?: string;
}

/** The filter bar of the Metrics page: lists go comma-separated. */
export interface MetricsFilter {
  phase?: string;
  product?: string;
  station?: string;
  lot?: string;
  since?: string;
  until?: string;
}

export type MetricsLens = 'summary' | 'trend' | 'pareto' | 'cpk' | 'retest' | 'time-loss' | 'assets';
export type MetricsPeriod = 'day' | 'week' | 'month';
export type ParetoGroup = 'product' | 'step' | 'measurement';

/** The filter as the server applied it, echoed by every lens. */
export interface AppliedFilter {
  phases: string[];
  products: string[];
  stations: string[];
  lots: string[];
  since: number | null;
  until: number | null;
}

export interface YieldSummary {
  runs: number;
  passed: number;
  failed: number;
  errored: number;
  aborted: number;
  terminated: number;
  other: number;
  pass_rate: number | null;
  serials: number;
  first_pass_passed: number;
  final_passed: number;
  first_pass_yield: number | null;
  final_yield: number | null;
  untested_serials: number;
  runs_without_serial: number;
  duration: { count: number; average_s: number; min_s: number; max_s: number; p95_s: number } | null;
  filter: AppliedFilter;
}

export interface TrendPoint {
  period: string;
  start: number;
  runs: number;
  passed: number;
  failed: number;
  errored: number;
  yield: number | null;
}

export interface ParetoRow {
  label: string;
  step_path: string;
  name: string;
  failures: number;
  total: number;
  fail_rate: number | null;
  cumulative_share: number;
}

export interface CpkRow {
  product: string;
  station: string;
  step_path: string;
  name: string;
  vector_index: number;
  units: string;
  lsl: number | null;
  usl: number | null;
  n: number;
  runs: number;
  mean: number;
  sigma_within: number | null;
  sigma_overall: number | null;
  cp: number | null;
  cpk: number | null;
  pp: number | null;
  ppk: number | null;
  cpk_ci_low: number | null;
  cpk_ci_high: number | null;
  /** Why the indices are null ("not enough data (n < 10)", "σ = 0"); "" when set. */
  undefined_reason: string;
}

export interface Histogram {
  n: number;
  units: string;
  lsl: number | null;
  usl: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** counts.length + 1 bin edges. */
  edges: number[];
  counts: number[];
}

export interface RetestPeriod {
  period: string;
  start: number;
  serials: number;
  retested: number;
  rate: number | null;
  average_retries: number | null;
}

export interface NoFaultFound {
  serial: string;
  product: string;
  station: string;
  count: number;
  failed_run_id: string;
  passed_run_id: string;
  passed_ts: number;
}

export interface TimeLossPeriod {
  period: string;
  start: number;
  passed_s: number;
  failed_s: number;
  errored_s: number;
  other_s: number;
  total_s: number;
}

export interface AssetRow {
  role: string;
  resource: string;
  type: string;
  mocked: boolean;
  sessions: number;
  connected_s: number;
  share: number | null;
  manufacturer: string;
  model: string;
  serial: string;
  calibration_due: string;
}

export interface MetricsFacets {
  phases: string[];
  products: string[];
  stations: string[];
  lots: string[];
}

type Metrics<T> = T & { metric: MetricsLens; filter: AppliedFilter };

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
  runs(q: RunQuery = {}, signal?: AbortSignal) {
    return getJson<RunList>('/api/runs', q as Query, signal);
  },
  run(id: string, signal?: AbortSignal) {
    return getJson<RunDetail>(`/api/runs/${encodeURIComponent(id)}`, undefined, signal);
  },
  runSteps(id: string, signal?: AbortSignal) {
    return getJson<{ run_id: string; steps: Step[] }>(`/api/runs/${encodeURIComponent(id)}/steps`, undefined, signal);
  },
  runMeasurements(id: string, q: { offset?: number; limit?: number } = {}, signal?: AbortSignal) {
    return getJson<{ run_id: string; measurements: Measurement[]; total: number; offset: number; limit: number }>(
      `/api/runs/${encodeURIComponent(id)}/measurements`,
      q,
      signal,
    );
  },
  active(signal?: AbortSignal) {
    return getJson<{ runs: ActiveRun[] }>('/api/active', undefined, signal);
  },
  dutRuns(serial: string, q: { offset?: number; limit?: number } = {}, signal?: AbortSignal) {
    return getJson<{ serial: string; runs: Run[]; total: number }>(`/api/duts/${encodeURIComponent(serial)}/runs`, q, signal);
  },
  stations(signal?: AbortSignal) {
    return getJson<{ stations: Station[] }>('/api/stations', undefined, signal);
  },
  summary(f: MetricsFilter, signal?: AbortSignal) {
    return getJson<Metrics<YieldSummary>>('/api/metrics/summary', { ...f }, signal);
  },
  trend(f: MetricsFilter, period: MetricsPeriod, signal?: AbortSignal) {
    return getJson<Metrics<{ period: MetricsPeriod; points: TrendPoint[] }>>('/api/metrics/trend', { ...f, period }, signal);
  },
  pareto(f: MetricsFilter, group_by: ParetoGroup, top: number, signal?: AbortSignal) {
    return getJson<Metrics<{ group_by: ParetoGroup; top: number; total_failures: number; rows: ParetoRow[] }>>('/api/metrics/pareto', { ...f, group_by, top }, signal);
  },
  cpk(f: MetricsFilter, min_samples: number, signal?: AbortSignal) {
    return getJson<Metrics<{ min_samples: number; rows: CpkRow[] }>>('/api/metrics/cpk', { ...f, min_samples }, signal);
  },
  /** The values behind one Cpk row (its product and station replace the filter's). */
  histogram(f: MetricsFilter, row: CpkRow, bins: number, signal?: AbortSignal) {
    const q: Query = {
      phase: f.phase,
      lot: f.lot,
      since: f.since,
      until: f.until,
      product: row.product,
      station: row.station,
      step_path: row.step_path,
      name: row.name,
      vector_index: row.vector_index,
      lsl: row.lsl ?? undefined,
      usl: row.usl ?? undefined,
      bins,
    };
    return getJson<Histogram>('/api/metrics/histogram', q, signal);
  },
  retest(f: MetricsFilter, period: MetricsPeriod, top: number, signal?: AbortSignal) {
    return getJson<Metrics<{ period: MetricsPeriod; periods: RetestPeriod[]; no_fault_found: NoFaultFound[] }>>('/api/metrics/retest', { ...f, period, top }, signal);
  },
  timeLoss(f: MetricsFilter, period: MetricsPeriod, signal?: AbortSignal) {
    return getJson<Metrics<{ period: MetricsPeriod; periods: TimeLossPeriod[] }>>('/api/metrics/time-loss', { ...f, period }, signal);
  },
  assets(f: MetricsFilter, signal?: AbortSignal) {
    return getJson<Metrics<{ connected_s: number; rows: AssetRow[] }>>('/api/metrics/assets', { ...f }, signal);
  },
  facets(signal?: AbortSignal) {
    return getJson<MetricsFacets>('/api/metrics/facets', undefined, signal);
  },
};

/** True while a run has no run.ended. */
export function runInFlight(r: Pick<Run, 'ended_ts' | 'outcome'>): boolean {
  return !r.ended_ts && !r.outcome;
}

export function isChannelRef(v: unknown): v is ChannelRef {
  return typeof v === 'object' && v !== null && typeof (v as ChannelRef)._ref === 'string';
}

/** "channel://scope.ch1/<session>/<seq>" → "scope.ch1". */
export function channelIdFromRef(ref: string): string | null {
  const m = /^channel:\/\/([^/]+)\//.exec(ref);
  return m ? m[1] : null;
}
