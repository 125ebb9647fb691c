// A run's rows as the store keeps them, moved on by the events the stream
// brings: the browser's copy of RunProjection (src/store/run_projection.cpp)
// for measurements and steps, and of the stats counted in SQL
// (src/store/run_progress.cpp). The Live monitor takes each measurement
// and each step's start and end from its event with these instead of
// refetching (20 pages following 4 runs made that a request and a header
// rebuild per page per step). tests/e2e/live_run.test.mjs compares what
// is moved on here with what the store returns.

import { numberField, objectField, textField, type Measurement, type MeasurementStats, type StepStats, type Step, type StoredEvent } from '../api';

const OUTCOMES = new Set(['skipped', 'done', 'passed', 'failed', 'errored', 'terminated', 'aborted']);

/** The store's bound on one discovered step's vectors (kMaxDiscoveredVectors). */
const MAX_DISCOVERED_VECTORS = 100000;

/** Whether `ev` is one applyStepEvent moves a run's steps on with. */
export function isStepEvent(ev: StoredEvent): boolean {
  if (ev.run_id === '') return false;
  if (ev.type === 'test.steps_discovered') return true;
  return (ev.type === 'test.step_started' || ev.type === 'test.step_ended') && ev.step_path !== '';
}

/** The payload's vector_retry as the store reads it: an integer ≥ 0, else 0. */
export function retryOf(payload: StoredEvent['payload']): number {
  const retry = numberField(payload, 'vector_retry');
  return retry !== null && Number.isInteger(retry) ? Math.max(retry, 0) : 0;
}

function integerOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

function stringOf(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function stepOrder(a: Step, b: Step): number {
  return (
    a.position - b.position ||
    (a.step_path < b.step_path ? -1 : a.step_path > b.step_path ? 1 : 0) ||
    a.vector_index - b.vector_index ||
    a.vector_retry - b.vector_retry
  );
}

/** A row as the store inserts it before any status column is set. */
function newRow(ev: StoredEvent, path: string, vector: number, retry: number, position: number): Step {
  return {
    run_id: ev.run_id,
    session_id: ev.session_id,
    step_path: path,
    vector_index: vector,
    vector_retry: retry,
    position,
    suite: '',
    name: '',
    file: '',
    line: null,
    inputs: null,
    status: 'pending',
    outcome: null,
    started_ts: null,
    ended_ts: null,
    duration_ns: null,
    retrying: false,
    error: '',
    failures: null,
    measurement_count: 0,
  };
}

/**
 * A run's steps (in the store's order: position, step_path, vector_index,
 * vector_retry) after one event isStepEvent accepts, as a new array, and
 * the run's step_count when the event sets it (discovery).
 * `measurements` (every stored measurement of the run) counts a new row's
 * measurements: none, as the runner emits a step's start before them.
 */
export function applyStepEvent(steps: readonly Step[], ev: StoredEvent, measurements: readonly Measurement[]): { steps: Step[]; stepCount?: number } {
  const next = steps.slice();
  const find = (path: string, vector: number, retry: number) => next.findIndex((s) => isRowOf(s, path, vector, retry));
  const p = ev.payload;
  if (ev.type === 'test.steps_discovered') {
    if (!Array.isArray(p.steps)) return { steps: next };
    // A step may have up to 100 000 vectors: rows found by key, not by scan.
    const firstAttempts = new Map<string, number>();
    for (const [i, s] of next.entries()) if (s.vector_retry === 0) firstAttempts.set(`${s.step_path}\u0000${s.vector_index}`, i);
    let position = 0;
    for (const item of p.steps) {
      const step = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
      const path = stringOf(step.step_path);
      if (!path) continue;
      const vectors = Math.min(Math.max(integerOrNull(step.vectors) ?? 0, 1), MAX_DISCOVERED_VECTORS);
      for (let vector = 0; vector < vectors; vector++) {
        const at = firstAttempts.get(`${path}\u0000${vector}`) ?? -1;
        const row = at >= 0 ? { ...next[at] } : newRow(ev, path, vector, 0, position);
        Object.assign(row, { position, suite: stringOf(step.suite), name: stringOf(step.name), file: stringOf(step.file), line: integerOrNull(step.line) });
        if (at >= 0) next[at] = row;
        else firstAttempts.set(`${path}\u0000${vector}`, next.push(row) - 1);
      }
      position += 1;
    }
    return { steps: next.sort(stepOrder), stepCount: position };
  }

  const started = ev.type === 'test.step_started';
  const path = ev.step_path;
  const vector = Math.max(ev.vector_index, 0);
  const retry = retryOf(p);
  const index = find(path, vector, retry);
  let row: Step;
  if (index >= 0) {
    row = { ...next[index] };
  } else {
    // A row the discovery did not make (a retry, an undiscovered step):
    // it inherits position and names from the step's first row, as the
    // store's INSERT … SELECT does.
    let sibling: Step | undefined;
    for (const s of next) {
      if (s.step_path !== path) continue;
      if (!sibling || s.vector_index < sibling.vector_index || (s.vector_index === sibling.vector_index && s.vector_retry < sibling.vector_retry)) sibling = s;
    }
    const slash = path.indexOf('/');
    row = newRow(ev, path, vector, retry, sibling ? sibling.position : next.reduce((max, s) => Math.max(max, s.position), -1) + 1);
    row.suite = sibling ? sibling.suite : slash < 0 ? '' : path.slice(0, slash);
    row.name = sibling ? sibling.name : slash < 0 ? path : path.slice(slash + 1);
    row.file = sibling?.file ?? '';
    row.line = sibling?.line ?? null;
    row.measurement_count = measurements.filter((m) => isRowOf(m, path, vector, retry)).length;
  }
  row.session_id = ev.session_id;
  if (started) {
    const inputs = p.inputs;
    row.status = 'running';
    row.inputs = inputs !== null && typeof inputs === 'object' && !Array.isArray(inputs) ? objectField(p, 'inputs') : null;
    row.started_ts = ev.ts;
  } else {
    row.status = 'ended';
    row.outcome = typeof p.outcome === 'string' && OUTCOMES.has(p.outcome) ? (p.outcome as Step['outcome']) : null;
    row.ended_ts = ev.ts;
    row.duration_ns = integerOrNull(p.duration_ns) ?? (index >= 0 && row.started_ts !== null ? ev.ts - row.started_ts : null);
    row.retrying = p.retrying === true;
    row.error = stringOf(p.error);
    row.failures = Array.isArray(p.failures) ? (p.failures as Step['failures']) : null;
  }
  if (index >= 0) next[index] = row;
  else {
    let at = next.length;
    while (at > 0 && stepOrder(next[at - 1], row) > 0) at -= 1;
    next.splice(at, 0, row);
  }
  return { steps: next };
}

/** The run's step stats over `steps`: RunDetail.step_stats as the store counts it. */
export function stepStatsOf(steps: readonly Step[]): StepStats {
  const stats: StepStats = { total: 0, passed: 0, failed: 0, errored: 0, skipped: 0, done: 0, aborted: 0, terminated: 0, never_ran: 0, running: 0, pending: 0, attempts: steps.length };
  const lastRetry = new Map<string, number>();
  for (const s of steps) {
    const key = `${s.step_path}\u0000${s.vector_index}`;
    lastRetry.set(key, Math.max(lastRetry.get(key) ?? -1, s.vector_retry));
  }
  for (const s of steps) {
    if (s.vector_retry !== lastRetry.get(`${s.step_path}\u0000${s.vector_index}`)) continue;
    stats.total += 1;
    const bucket = (s.status === 'ended' ? s.outcome : s.status) as keyof StepStats | null;
    if (bucket && bucket !== 'total' && bucket !== 'attempts' && bucket in stats) stats[bucket] = (stats[bucket] ?? 0) + 1;
  }
  return stats;
}

/**
 * The measurements row a test.measurement event becomes, field for field
 * as RunProjection stores it, so a row shown live is the row
 * /api/runs/{id}/measurements returns.
 */
export function measurementFromEvent(ev: StoredEvent): Measurement {
  const p = ev.payload;
  const limit = objectField(p, 'limit');
  const instrument = objectField(p, 'instrument');
  const outcome = textField(p, 'outcome');
  return {
    session_id: ev.session_id,
    seq: ev.seq,
    run_id: ev.run_id,
    step_path: ev.step_path,
    vector_index: ev.step_path ? Math.max(ev.vector_index, 0) : null,
    vector_retry: retryOf(p),
    ts: ev.ts,
    name: textField(p, 'name'),
    value: numberField(p, 'value'),
    units: textField(p, 'units') || textField(limit, 'units'),
    outcome: OUTCOMES.has(outcome) ? outcome : null,
    low: numberField(limit, 'low'),
    high: numberField(limit, 'high'),
    nominal: numberField(limit, 'nominal'),
    comparator: textField(limit, 'comparator'),
    limit_source: textField(limit, 'source'),
    instrument_role: textField(instrument, 'role'),
    instrument_channel: textField(instrument, 'channel'),
    instrument_resource: textField(instrument, 'resource'),
  };
}

/** RunDetail.measurement_stats over `list` (every measurement of the run). */
export function measurementStatsOf(list: readonly Measurement[]): MeasurementStats {
  const stats: MeasurementStats = { total: 0, passed: 0, failed: 0, errored: 0, done: 0, pass_rate: null };
  for (const m of list) countMeasurement(stats, m);
  return stats;
}

/** `stats` with one more measurement `m`. */
export function countMeasurement(stats: MeasurementStats, m: Measurement): void {
  stats.total += 1;
  if (m.outcome === 'passed') stats.passed += 1;
  else if (m.outcome === 'failed') stats.failed += 1;
  else if (m.outcome === 'errored') stats.errored = (stats.errored ?? 0) + 1;
  else if (m.outcome === 'done') stats.done = (stats.done ?? 0) + 1;
  stats.pass_rate = stats.passed + stats.failed > 0 ? stats.passed / (stats.passed + stats.failed) : null;
}

/** `m` counted in the measurement_count of its step row (mutated in place), as the store's UPDATE does. */
export function countInStep(steps: readonly Step[], m: Measurement): void {
  if (!m.step_path || m.vector_index === null) return;
  for (let i = steps.length - 1; i >= 0; i--) {
    if (!isRowOf(steps[i], m.step_path, m.vector_index, m.vector_retry)) continue;
    steps[i].measurement_count += 1;
    return;
  }
}

/** Whether a step row, or a measurement, belongs to the attempt (path, vector, retry). */
function isRowOf(s: Pick<Step, 'step_path' | 'vector_retry'> & { vector_index: number | null }, path: string, vector: number, retry: number): boolean {
  return s.step_path === path && s.vector_index === vector && s.vector_retry === retry;
}

/** The key of the step row a measurement counts in (null outside any step). */
export function stepKeyOf(m: Pick<Measurement, 'step_path' | 'vector_index' | 'vector_retry'>): string | null {
  return m.step_path && m.vector_index !== null ? `${m.step_path}\u0000${m.vector_index}\u0000${m.vector_retry}` : null;
}
