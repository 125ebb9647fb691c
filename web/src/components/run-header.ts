// The sticky header card of a run (Results detail, Live monitor).

import type { Run } from '../api';
import { h } from '../dom';
import { formatDateTime, formatIsoUtc } from '../format';
import { outcomeBadge, runState } from './status';

export function runTitle(r: Run): string {
  return [r.program, r.product].filter(Boolean).join(' · ') || 'Test run';
}

export function metaItem(label: string, value: string | Node, testid: string, mono = false, title?: string): HTMLElement {
  return h(
    'div',
    { class: 'meta-item' },
    h('dt', {}, label),
    h('dd', { class: mono ? 'mono' : null, 'data-testid': testid, title: title ?? null }, value === '' ? '—' : value),
  );
}

export function runHeader(r: Run, opts: { back: HTMLElement; extra?: Node | null; state?: string; below?: Node | null }): HTMLElement {
  const state = opts.state ?? runState(r);
  const live = state === 'running' || state === 'starting';
  return h(
    'header',
    { class: 'run-header', 'data-testid': 'run-header', 'data-run-id': r.run_id, 'data-state': state },
    h(
      'div',
      { class: 'rh-top' },
      opts.back,
      h(
        'div',
        { class: 'rh-title' },
        h('h1', { 'data-testid': 'run-title' }, runTitle(r)),
        outcomeBadge(state, { chip: true, testid: 'run-outcome' }),
        live ? h('span', { class: 'live-tag', 'data-testid': 'live-tag' }, h('i', { class: 'dot' }), 'Live') : null,
        r.mocked ? h('span', { class: 'badge badge-mock', title: 'instruments are mocked' }, 'MOCK') : null,
      ),
      h('span', { class: 'rh-id mono', title: 'run id', 'data-testid': 'run-id' }, r.run_id),
      opts.extra ?? null,
    ),
    opts.below ?? null,
    h(
      'dl',
      { class: 'meta-row', style: 'margin:0' },
      metaItem('Part Number', r.dut_part_number, 'meta-part_number', true),
      metaItem('Serial', r.dut_serial, 'meta-serial', true),
      metaItem('Hostname', r.hostname, 'meta-hostname'),
      metaItem('Project', r.project, 'meta-project'),
      metaItem('Started', formatDateTime(r.started_ts), 'meta-started', true, formatIsoUtc(r.started_ts)),
      metaItem('Ended', r.ended_ts ? formatDateTime(r.ended_ts) : '—', 'meta-ended', true, formatIsoUtc(r.ended_ts)),
    ),
  );
}
