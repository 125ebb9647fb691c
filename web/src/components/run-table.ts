// Cells shared by the run tables (Results, DUT History).

import type { Run } from '../api';
import { h } from '../dom';
import { formatDateTime, formatIsoUtc, formatMinute } from '../format';
import { outcomeBadge, runState } from './status';

export const dash = (v: string | null | undefined) => (v ? v : h('span', { class: 'muted' }, '—'));

export function runHref(r: Pick<Run, 'run_id'>): string {
  return `/results/${encodeURIComponent(r.run_id)}`;
}

/** Outcome / Serial / Part Number / Hostname / Project / Phase / Started / Steps / Meas / Ended */
export function runRow(r: Run, extraClass = ''): HTMLElement {
  return h(
    'tr',
    { tabindex: 0, class: extraClass || null, 'data-testid': 'run-row', 'data-run-id': r.run_id, 'data-outcome': runState(r) },
    h('td', {}, h('a', { href: runHref(r), 'aria-label': `Run ${r.run_id}`, class: 'plain' }, outcomeBadge(runState(r)))),
    h('td', { class: 'mono strong', 'data-testid': 'cell-serial' }, dash(r.dut_serial)),
    h('td', { class: 'mono', 'data-testid': 'cell-part_number' }, dash(r.dut_part_number)),
    h('td', { 'data-testid': 'cell-hostname' }, dash(r.hostname)),
    h('td', { 'data-testid': 'cell-project' }, dash(r.project)),
    h('td', { 'data-testid': 'cell-phase' }, dash(r.phase)),
    h('td', { class: 'mono', title: `${formatDateTime(r.started_ts)} local · ${formatIsoUtc(r.started_ts)}`, 'data-testid': 'cell-started', 'data-ts': String(r.started_ts) }, formatMinute(r.started_ts)),
    h('td', { class: 'num', 'data-testid': 'cell-steps' }, String(r.step_count ?? 0)),
    h('td', { class: 'num', 'data-testid': 'cell-measurements' }, String(r.measurement_count ?? 0)),
    h('td', { class: 'mono', title: r.ended_ts ? `${formatDateTime(r.ended_ts)} local · ${formatIsoUtc(r.ended_ts)}` : '', 'data-testid': 'cell-ended' }, r.ended_ts ? endedText(r.started_ts, r.ended_ts) : h('span', { class: 'muted' }, '—')),
  );
}

/** Ended: just the time when the run ended the day it started. */
function endedText(started: number, ended: number): string {
  const a = new Date(started / 1e6);
  const b = new Date(ended / 1e6);
  return a.toDateString() === b.toDateString() ? formatMinute(ended).slice(11) : formatMinute(ended);
}
