// Outcome chips and the LIVE badge, shared by every list and header. The
// colours live in styles/app.css (--pass, --fail, …), one place for all.

import type { Session } from '../api';
import { h } from '../dom';

/** True while no session.ended has been seen for it. */
export function isLive(s: Pick<Session, 'outcome' | 'ended_ts'>): boolean {
  return !s.outcome && !s.ended_ts;
}

export function statusBadge(s: Pick<Session, 'outcome' | 'ended_ts' | 'synthetic_end'>): HTMLElement {
  if (isLive(s)) {
    return h('span', { class: 'badge badge-live', 'data-testid': 'status-badge', 'data-status': 'live' }, h('i', { class: 'dot' }), 'LIVE');
  }
  const outcome = s.outcome || 'done';
  return h(
    'span',
    {
      class: `badge badge-${outcome}`,
      'data-testid': 'status-badge',
      'data-status': outcome,
      // A synthetic end was written by recovery, not by the process itself.
      title: s.synthetic_end ? 'closed on recovery (the process did not end the session)' : null,
    },
    outcome.toUpperCase(),
  );
}

const LABEL: Record<string, string> = {
  never_ran: 'NEVER RAN',
  running: 'RUNNING',
  starting: 'STARTING',
  pending: 'PENDING',
};

/**
 * A run's, step's or measurement's outcome. `state` is the outcome
 * (passed, failed …) or a status (running, starting, pending, never_ran);
 * running ones have a dot that blinks (blink.ts). `chip` makes the larger header variant.
 */
export function outcomeBadge(state: string | null | undefined, opts: { chip?: boolean; testid?: string; title?: string } = {}): HTMLElement {
  const s = state || 'done';
  const blinking = s === 'running' || s === 'starting';
  return h(
    'span',
    {
      class: `badge badge-${s}${opts.chip ? ' chip' : ''}`,
      'data-testid': opts.testid ?? 'outcome',
      'data-outcome': s,
      title: opts.title ?? null,
    },
    blinking ? h('i', { class: 'dot' }) : null,
    LABEL[s] ?? s.toUpperCase(),
  );
}

/** The state a run shows: its outcome, or "running" while in flight. */
export function runState(r: { outcome: string | null; ended_ts: number | null }): string {
  if (r.outcome) return r.outcome;
  return r.ended_ts ? 'done' : 'running';
}
