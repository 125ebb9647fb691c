// One run's data as the Results detail and the Live monitor show it: the
// run (with stats, session and instruments), its steps and measurements,
// loaded over REST and refreshed while the run is in flight when the
// stream brings events of its session (throttled, so a burst of
// measurements costs one refetch). Once every measurement is loaded, a
// refresh asks only for the ones after those it has (measurements are
// stored in seq order, so they only ever append), and a measurement event
// refreshes only measurements: the run and its steps are refetched on
// step and run events. The Live monitor goes further (appendsFromStream):
// a caught-up model takes each measurement, and each step's start and end,
// from its stream event (run-projection.ts), so the change is on screen in
// the event's own frame, with no request.

import { api, ApiError, runInFlight, type Measurement, type RunDetail, type Step, type StoredEvent } from '../api';
import { afterNextFrame } from '../dom';
import { live } from '../live';
import { applyStepEvent, countInStep, countMeasurement, isStepEvent, measurementFromEvent, measurementStatsOf, stepKeyOf, stepStatsOf } from './run-projection';

const REFRESH_MS = 250;
/**
 * The first load asks for this many measurements, so the table paints
 * without waiting for a 10 000-measurement run's megabytes; the rest
 * follows in a second load once the first rows are on screen (its
 * megabytes, produced by a server that may share the machine and parsed
 * on the main thread, would otherwise compete with that first frame).
 * `litmus serve` preloads the first load's three URLs in the page
 * (kRunPagePreloads, server/static_files.hpp): keep them the same.
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
  /**
   * `measurements` holds every stored measurement of the run up to the
   * last load (not just the first page): later loads ask for the rest only.
   */
  private caughtUp = false;
  /** The next load refetches the run and its steps too, not only measurements. */
  private needRun = true;
  /**
   * Live monitor: measurements arrive from their stream events instead of
   * a refetch once the model is `synced`. Set before the first load ends.
   */
  appendsFromStream = false;
  /**
   * `measurements` is exactly the run's stored measurements up to the
   * newest stream event seen: a load that started after the subscription
   * ended well, and the stream (gapless, in seq order) did the rest. Only
   * then may an event's measurement be appended; before, one emitted
   * between the load's answer and the subscription could be missing.
   */
  private synced = false;
  /** Measurements from stream events that came before `synced` and since the current load started: the load that syncs adds those it did not return. */
  private early: Measurement[] = [];
  /**
   * Live: the step events that came while a load of the run and its steps
   * was away (null when none is). Its answer may predate them, so they are
   * applied to it again, in order (applying a step's start and end twice
   * ends where applying them once does).
   */
  private stepEventsDuringLoad: StoredEvent[] | null = null;

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

  /** How many (step_path, vector_index) the run has: vectors().length, without building them. */
  vectorCount(): number {
    if (this.counted?.steps !== this.steps) {
      const keys = new Set<string>();
      for (const s of this.steps) keys.add(`${s.step_path}\u0000${s.vector_index}`);
      this.counted = { steps: this.steps, count: keys.size };
    }
    return this.counted.count;
  }
  private counted: { steps: Step[]; count: number } | null = null;

  /** Last attempt per (step_path, vector_index), in run order; `withMeasurements` false leaves their lists empty. */
  vectors(withMeasurements = true): StepVector[] {
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
    for (const m of withMeasurements ? this.measurements : []) {
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
    const needRun = this.needRun || !this.run;
    this.needRun = false;
    const subscribed = this.unsubscribe !== null;
    if (needRun && this.appendsFromStream) this.stepEventsDuringLoad = [];
    // The stream reads events from the store: those delivered before this
    // load asks for every measurement are in its answer, so only the ones
    // that come while it is away stay in `early` (bounded, even while
    // loads keep failing and the stream stays up).
    if (this.complete) this.early = [];
    let rest = false;
    try {
      const offset = this.caughtUp ? this.measurements.length : 0;
      const [run, steps, meas] = await Promise.all([
        needRun ? api.run(this.id, signal) : null,
        needRun ? api.runSteps(this.id, signal) : null,
        api.runMeasurements(this.id, { offset, limit: this.complete ? 100000 : FIRST_MEASUREMENTS }, signal),
      ]);
      if (run) this.run = run;
      if (steps) {
        this.steps = steps.steps;
        for (const ev of this.stepEventsDuringLoad ?? []) this.applyStep(ev);
      }
      const fetched = meas.measurements;
      // Rows appended from the stream while this load was away: the answer
      // has those stored before it was made, the others stay.
      const lastFetched = fetched.length ? fetched[fetched.length - 1].seq : -Infinity;
      const arrived = this.measurements.slice(offset).filter((m) => m.seq > lastFetched);
      this.measurements = this.measurements.slice(0, offset).concat(fetched, arrived);
      this.caughtUp = this.measurements.length >= meas.total;
      this.measurementTotal = this.caughtUp ? this.measurements.length : meas.total;
      if (subscribed && this.caughtUp && this.appendsFromStream) {
        this.synced = true;
        this.add(this.early.splice(0));
      }
      if (this.appendsFromStream && this.caughtUp) this.restat();
      this.state = 'ready';
      if (!this.complete) {
        this.complete = true;
        rest = !this.caughtUp;
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
      } else {
        // A refresh failed (server restarting): the next one starts over.
        this.needRun = true;
        this.synced = false;
      }
    } finally {
      this.loading = false;
      if (needRun) this.stepEventsDuringLoad = null;
    }
    this.emit();
    if (this.again) {
      this.again = false;
      void this.load();
    } else if (rest) {
      afterNextFrame(() => {
        if (!signal.aborted) void this.load();
      });
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
        if (ev.type === 'test.measurement') {
          if (!this.appendsFromStream || !ev.run_id) this.schedule(false);
          else if (this.synced) {
            this.add([measurementFromEvent(ev)]);
            this.emit();
          } else {
            this.early.push(measurementFromEvent(ev));
            this.schedule(false);
          }
        } else if (this.appendsFromStream && isStepEvent(ev)) {
          this.stepEventsDuringLoad?.push(ev);
          if (this.synced) {
            this.applyStep(ev);
            if (this.run) this.run.step_stats = stepStatsOf(this.steps);
            this.emit();
          } else {
            this.schedule(true);
          }
        } else if (
          ev.type.startsWith('test.') ||
          (ev.type.startsWith('run.') && ev.type !== 'run.output') ||
          ev.type === 'session.ended' ||
          ev.type === 'instrument.connected' ||
          ev.type === 'instrument.disconnected'
        ) {
          this.schedule(true);
        }
      },
      { session_id: sessionId },
    );
    // Caught up after subscribing: whatever happened between the REST
    // answer and the subscription is fetched once more. A model that
    // appends from the stream does so at once (this load is still running:
    // `again` starts the next as it ends), so that rows come from their
    // events as early as possible — unless measurements are still to come
    // in a second load: that one waits for the first frame, and as it
    // starts after the subscription, it syncs.
    if (!this.inFlight) return;
    if (this.appendsFromStream && this.caughtUp) {
      this.needRun = true;
      this.again = true;
    } else {
      this.schedule(true);
    }
  }

  /** Appends those of `list` (in seq order) that are newer than every measurement held. */
  private add(list: Measurement[]): void {
    const last = this.measurements.length ? this.measurements[this.measurements.length - 1].seq : -Infinity;
    const newer = list.filter((m) => m.seq > last);
    if (!newer.length) return;
    this.measurements = this.measurements.concat(newer);
    this.measurementTotal = this.measurements.length;
    if (!this.run) return;
    // The counts the store keeps with each row, moved on as it does.
    for (const m of newer) {
      countInStep(this.steps, m);
      countMeasurement(this.run.measurement_stats, m);
    }
    this.run.measurement_count = this.measurements.length;
  }

  private applyStep(ev: StoredEvent): void {
    const next = applyStepEvent(this.steps, ev, this.measurements);
    this.steps = next.steps;
    if (next.stepCount !== undefined && this.run) this.run.step_count = next.stepCount;
  }

  /**
   * Live, caught up: the counts in the run and its steps recounted from the
   * measurements held, which may be newer than the answer that brought them.
   */
  private restat(): void {
    if (!this.run) return;
    const counts = new Map<string, number>();
    for (const m of this.measurements) {
      const key = stepKeyOf(m);
      if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const s of this.steps) s.measurement_count = counts.get(stepKeyOf(s) ?? '') ?? 0;
    this.run.step_stats = stepStatsOf(this.steps);
    this.run.measurement_count = this.measurements.length;
    this.run.measurement_stats = measurementStatsOf(this.measurements);
  }

  /**
   * At most one refetch per REFRESH_MS while events keep coming: a timer
   * already set is left alone (resetting it on every event would starve a
   * run that measures faster than that). `withRun`: the run and its steps
   * changed too, not only the measurements.
   */
  private schedule(withRun: boolean): void {
    if (withRun) this.needRun = true;
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
