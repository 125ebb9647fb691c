// One run's data as the Results detail and the Live monitor show it: the
// run (with stats, session and instruments), its steps and measurements,
// loaded over REST and refreshed while the run is in flight when the
// stream brings events of its session (throttled, so a burst of
// measurements costs one refetch).

import { api, ApiError, runInFlight, type Measurement, type RunDetail, type Step, type StoredEvent } from '../api';
import { live } from '../live';

const REFRESH_MS = 250;
/**
 * The first load asks for this many measurements, so the table paints
 * without waiting for a 10 000-measurement run's megabytes; the rest
 * follows at once in a second load.
 */
const FIRST_MEASUREMENTS = 200;
/** A just-launched run may not be stored yet: retry a 404 this long. */
const NOT_FOUND_GRACE_MS = 8000;

export type RunModelState = 'loading' | 'ready' | 'not_found' | 'error';

/** The last attempt of one (step_path, vector_index), with its retry count. */
export interface StepVector {
  step: Step;
  attempts: number;
  measurements: Measurement[];
}

export class RunModel {
  state: RunModelState = 'loading';
  error = '';
  run: RunDetail | null = null;
  steps: Step[] = [];
  measurements: Measurement[] = [];
  measurementTotal = 0;
  private readonly abort = new AbortController();
  private timer: number | undefined;
  private unsubscribe: (() => void) | null = null;
  private loading = false;
  private again = false;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(ev: StoredEvent) => void>();
  private readonly started = Date.now();
  /** Whether loads ask for every measurement (after the first). */
  private complete = false;

  constructor(readonly id: string) {
    void this.load();
  }

  onChange(fn: () => void): void {
    this.listeners.add(fn);
  }

  /** Every stream event of the run's session (after the run is known). */
  onEvent(fn: (ev: StoredEvent) => void): void {
    this.eventListeners.add(fn);
  }

  get inFlight(): boolean {
    return !!this.run && runInFlight(this.run);
  }

  /** Last attempt per (step_path, vector_index), in run order. */
  vectors(): StepVector[] {
    const byKey = new Map<string, StepVector>();
    for (const s of this.steps) {
      const key = `${s.step_path}\u0000${s.vector_index}`;
      const prev = byKey.get(key);
      if (!prev) byKey.set(key, { step: s, attempts: 1, measurements: [] });
      else {
        prev.attempts += 1;
        if (s.vector_retry >= prev.step.vector_retry) prev.step = s;
      }
    }
    for (const m of this.measurements) {
      const v = byKey.get(`${m.step_path}\u0000${m.vector_index}`);
      if (v && m.vector_retry === v.step.vector_retry) v.measurements.push(m);
    }
    return [...byKey.values()];
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }

  private async load(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    const signal = this.abort.signal;
    try {
      const [run, steps, meas] = await Promise.all([
        api.run(this.id, signal),
        api.runSteps(this.id, signal),
        api.runMeasurements(this.id, { limit: this.complete ? 100000 : FIRST_MEASUREMENTS }, signal),
      ]);
      this.run = run;
      this.steps = steps.steps;
      this.measurements = meas.measurements;
      this.measurementTotal = meas.total;
      this.state = 'ready';
      if (!this.complete) {
        this.complete = true;
        if (meas.measurements.length < meas.total) this.again = true;
      }
      this.follow();
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof ApiError && err.status === 404 && !this.run) {
        if (Date.now() - this.started < NOT_FOUND_GRACE_MS && this.graceful) {
          this.timer = window.setTimeout(() => {
            this.timer = undefined;
            void this.load();
          }, 500);
        } else {
          this.state = 'not_found';
        }
      } else if (!this.run) {
        this.state = 'error';
        this.error = err instanceof Error ? err.message : String(err);
      }
    } finally {
      this.loading = false;
    }
    this.emit();
    if (this.again) {
      this.again = false;
      void this.load();
    }
  }

  /** Live monitor: a run id from a launch may 404 for a moment. */
  graceful = false;

  private follow(): void {
    if (this.unsubscribe || !this.run) return;
    const sessionId = this.run.session_id;
    this.unsubscribe = live.subscribe(
      (ev) => {
        for (const fn of this.eventListeners) fn(ev);
        if (ev.run_id && ev.run_id !== this.run?.run_id) return;
        if (ev.type.startsWith('test.') || ev.type.startsWith('run.') || ev.type === 'session.ended') {
          if (ev.type === 'run.output') return;
          this.schedule();
        }
      },
      { session_id: sessionId },
    );
    // Caught up after subscribing: whatever happened between the REST
    // answer and the subscription is fetched once more.
    if (this.inFlight) this.schedule();
  }

  /**
   * At most one refetch per REFRESH_MS while events keep coming: a timer
   * already set is left alone (resetting it on every event would starve a
   * run that measures faster than that).
   */
  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      void this.load();
    }, REFRESH_MS);
  }

  destroy(): void {
    this.abort.abort();
    window.clearTimeout(this.timer);
    this.unsubscribe?.();
    this.listeners.clear();
    this.eventListeners.clear();
  }
}

/** Outcome to show for a step vector: its outcome, or its status. */
export function stepState(s: Step): string {
  if (s.status === 'ended') return s.outcome || 'done';
  return s.status || 'pending';
}
