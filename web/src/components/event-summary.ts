// One line per event for the Events table and the live monitor's timeline:
// type-specific, e.g. "dmm.measure_voltage → 3.301 V" or
// "step ended: Power/Rail passed 0.12 s".

import { isChannelRef, type StoredEvent } from '../api';
import { formatNumber, formatValue } from '../format';

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function vec(ev: StoredEvent): string {
  return ev.vector_index >= 0 ? ` [${ev.vector_index}]` : '';
}

function valueText(v: unknown, units: unknown): string {
  if (isChannelRef(v)) return `waveform (${v.length} pts)`;
  return formatValue(v, str(units));
}

export function eventSummary(ev: StoredEvent): string {
  const p = ev.payload ?? {};
  switch (ev.type) {
    case 'session.started':
      return `session started on ${str(p.station) || '—'}${p.dut_serial ? ` · DUT ${str(p.dut_serial)}` : ''}${p.operator ? ` · ${str(p.operator)}` : ''}`;
    case 'session.ended':
      return `session ended: ${str(p.outcome) || 'done'}${p.reason ? ` (${str(p.reason)})` : ''}${p.synthetic ? ' · recovered' : ''}`;
    case 'run.started':
      return `run started: ${str(p.program) || 'program'}${p.dut_serial ? ` · DUT ${str(p.dut_serial)}` : ''}${p.phase ? ` · ${str(p.phase)}` : ''}`;
    case 'run.ended':
      return `run ended: ${str(p.outcome) || 'done'}${typeof p.duration_ns === 'number' ? ` in ${(p.duration_ns / 1e9).toFixed(2)} s` : ''}${p.reason ? ` (${str(p.reason)})` : ''}`;
    case 'run.output': {
      const text = str(p.text);
      const lines = text ? text.split('\n') : [];
      return `${str(p.stream) || 'output'}: ${lines[0] ?? ''}${lines.length > 1 ? ` (+${lines.length - 1} lines)` : ''}`;
    }
    case 'test.steps_discovered': {
      const steps = Array.isArray(p.steps) ? p.steps : [];
      return `${steps.length} step${steps.length === 1 ? '' : 's'} discovered`;
    }
    case 'test.step_started':
      return `step started: ${ev.step_path}${vec(ev)}${typeof p.vector_retry === 'number' && p.vector_retry > 0 ? ` retry ${p.vector_retry}` : ''}`;
    case 'test.step_ended':
      return `step ended: ${ev.step_path}${vec(ev)} ${str(p.outcome)}${typeof p.duration_ns === 'number' ? ` ${(p.duration_ns / 1e9).toFixed(2)} s` : ''}${p.retrying ? ' · retrying' : ''}`;
    case 'test.measurement': {
      const lim = (p.limit ?? null) as Record<string, unknown> | null;
      let limits = '';
      if (lim && (lim.low !== undefined || lim.high !== undefined)) {
        limits = ` [${lim.low !== undefined ? formatNumber(Number(lim.low)) : '−∞'} … ${lim.high !== undefined ? formatNumber(Number(lim.high)) : '+∞'}]`;
      }
      return `${str(p.name)} = ${p.value === null && p.value_text ? str(p.value_text) : valueText(p.value, p.units)}${limits} ${str(p.outcome)}`.trim();
    }
    case 'instrument.read': {
      const call = `${ev.role || 'instrument'}.${str(p.method) || 'read'}`;
      if (p.error !== undefined && p.error !== null && p.error !== '') return `${call} ✕ ${str(p.error)}`;
      if (p.reply !== undefined) return `${call} ${str(p.command)} → ${str(p.reply)}`;
      return `${call} → ${valueText(p.value, p.units)}`;
    }
    case 'instrument.set': {
      const call = `${ev.role || 'instrument'}.${str(p.method) || 'set'}`;
      const v = p.value === undefined ? '' : ` ${valueText(p.value, p.units)}`;
      return `${call}${p.output !== undefined ? ` (out ${str(p.output)})` : ''}${v}${p.error ? ` ✕ ${str(p.error)}` : ''}`;
    }
    case 'instrument.configure': {
      const rest = Object.entries(p)
        .filter(([k]) => !['method', 'duration_ns', 'error'].includes(k))
        .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : str(v)}`)
        .join(' ');
      return `${ev.role || 'instrument'}.${str(p.method)} ${rest}${p.error ? ` ✕ ${str(p.error)}` : ''}`.trim();
    }
    case 'instrument.connected':
      return `${ev.role} connected: ${str(p.type)} ${str(p.resource)}${p.mocked ? ' (mock)' : ''}`;
    case 'instrument.disconnected':
      return `${ev.role} disconnected`;
    case 'instrument.calibration_warning':
      return `${ev.role}: calibration ${str(p.status)} (due ${str(p.due)})`;
    case 'instrument.identity_verified':
      return `${ev.role}: identity ${p.matches ? 'verified' : 'MISMATCH'}`;
    case 'diagnostic.warning':
    case 'diagnostic.error':
      return str(p.message);
    default: {
      const s = JSON.stringify(p);
      return s === '{}' ? '' : s.length > 140 ? `${s.slice(0, 140)}…` : s;
    }
  }
}

/** CSS class for the type tag: colour by family. */
export function typeClass(type: string): string {
  const fam = type.split('.')[0];
  return ['run', 'test', 'instrument', 'session', 'diagnostic'].includes(fam) ? `type-tag type-${fam}` : 'type-tag';
}

/** The event types Litmus emits (docs/event-types.md), for filter pickers. */
export const EVENT_TYPES = [
  'session.started',
  'session.ended',
  'run.started',
  'run.ended',
  'run.output',
  'test.steps_discovered',
  'test.step_started',
  'test.step_ended',
  'test.measurement',
  'instrument.connected',
  'instrument.disconnected',
  'instrument.read',
  'instrument.set',
  'instrument.configure',
  'instrument.identity_verified',
  'instrument.calibration_warning',
  'diagnostic.warning',
  'diagnostic.error',
];
export const EVENT_FAMILIES = ['session.*', 'run.*', 'test.*', 'instrument.*', 'diagnostic.*'];
