// The sidebar's ACTIVE TESTS block (SPEC D): every run in flight, linking to
// its live monitor, with progress; amber when a dialog waits. Shown only
// while a run is in flight. Kept live by refetching /api/active when the
// stream brings run or step events (debounced).

import { api, type ActiveRun, type StoredEvent } from '../api';
import { fill, h } from '../dom';
import { live } from '../live';

const REFRESH_DEBOUNCE_MS = 250;
/** Recovery closes dead runs without an event we could key on: poll slowly. */
const POLL_MS = 10000;

export function activeTestsBlock(): HTMLElement {
  const el = h('div', { class: 'active-tests', 'data-testid': 'active-tests', hidden: true });
  let timer: number | undefined;
  let inFlight = false;
  let again = false;
  let runs: ActiveRun[] = [];

  const render = () => {
    el.hidden = runs.length === 0;
    el.dataset.count = String(runs.length);
    if (!runs.length) {
      el.replaceChildren();
      return;
    }
    fill(
      el,
      h('div', { class: 'nav-group' }, h('i', { class: 'dot' }), `Active tests · ${runs.length}`),
      ...runs.map((r) => {
        const pct = r.steps_total > 0 ? Math.round((100 * r.steps_finished) / r.steps_total) : 0;
        const waiting = r.dialogs_waiting > 0;
        return h(
          'a',
          {
            href: `/live/${encodeURIComponent(r.run_id)}`,
            class: `active-run${waiting ? ' waiting' : ''}`,
            'data-testid': 'active-run',
            'data-run-id': r.run_id,
            title: `${r.program || 'run'} on ${r.station || r.hostname} — ${r.steps_finished}/${r.steps_total} steps`,
          },
          h('div', { class: 'ar-top' }, h('span', {}, r.dut_serial || r.program || r.run_id.slice(0, 8)), h('span', { class: 'mono' }, `${r.steps_finished}/${r.steps_total}`)),
          h('div', { class: 'ar-sub' }, [r.station || r.hostname, r.current_step || r.program].filter(Boolean).join(' · ')),
          waiting ? h('div', { class: 'ar-wait' }, `${r.dialogs_waiting} dialog${r.dialogs_waiting === 1 ? '' : 's'} waiting`) : null,
          h('div', { class: 'ar-bar' }, h('i', { style: `width:${pct}%` })),
        );
      }),
    );
  };

  const refresh = async () => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      runs = (await api.active()).runs;
      render();
    } catch {
      // Server away or an older server without runs: keep what we show.
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        void refresh();
      }
    }
  };
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void refresh(), REFRESH_DEBOUNCE_MS);
  };

  live.subscribe(
    (ev: StoredEvent) => {
      if (ev.type === 'run.started' || ev.type === 'run.ended' || runs.some((r) => r.run_id === ev.run_id)) schedule();
    },
    { type: ['run.started', 'run.ended', 'test.steps_discovered', 'test.step_started', 'test.step_ended', 'session.ended'] },
  );
  // After a reconnect the stream replays what was missed; a state change
  // back to open refreshes too.
  live.onState((s) => {
    if (s === 'open') schedule();
  });
  window.setInterval(() => void refresh(), POLL_MS);
  void refresh();
  return el;
}
