// Outcome chips and the LIVE badge, shared by every list and header.

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
