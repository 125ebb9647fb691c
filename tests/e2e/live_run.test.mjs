// Runs followed live: the e2e test program runs while the page is open and
// holds its run in flight (step Gate/Hold) until the test opens the gate.
// Checked without any reload: the run's row appears in /results, the
// ACTIVE TESTS block appears and disappears, the live monitor shows
// progress, output (stderr distinct), channels and events, and the Results
// detail fills in and turns from RUNNING to FAILED / PASSED.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoHorizontalOverflow, getJson, liveStack, screenshot, startProgram, until, webModule, withArtifacts } from './harness.mjs';

const stack = liveStack({ needsProgram: true });
const opts = { skip: stack.skip || false, timeout: 120000 };
const api = (q) => getJson(stack.server.base, q);
const STEPS = 8; // Power/Rail ×3, Power/Current, Signals/Waveform, Console/Output, Gate/Hold, Final/Judge

/**
 * The run's steps, stats and measurements as the Live monitor moves them on
 * from stream events (web/src/components/run-projection.ts, run in Node on
 * the run's stored events), against what the server returns: they must be
 * the same, field for field. Called while the run holds at the gate, so
 * nothing is written in between.
 */
async function assertProjectionMatchesStore(runId) {
  const projection = await webModule('components/run-projection.ts');
  const run = await api(`/api/runs/${runId}`);
  const { steps } = await api(`/api/runs/${runId}/steps`);
  const { measurements } = await api(`/api/runs/${runId}/measurements?limit=100000`);
  const { events } = await api(`/api/events?session_id=${run.session_id}&order=asc&limit=10000`);
  let projected = [];
  let stepCount = 0;
  const fromEvents = [];
  for (const ev of events.filter((e) => e.run_id === runId)) {
    if (ev.type === 'test.measurement') {
      const m = projection.measurementFromEvent(ev);
      fromEvents.push(m);
      projection.countInStep(projected, m);
    } else if (projection.isStepEvent(ev)) {
      const next = projection.applyStepEvent(projected, ev, fromEvents);
      projected = next.steps;
      stepCount = next.stepCount ?? stepCount;
    }
  }
  // The run so far has every kind of row: swept, retried, ended, running, pending.
  assert.ok(steps.some((s) => s.vector_retry === 1 && s.status === 'ended') && steps.some((s) => s.retrying));
  assert.ok(steps.some((s) => s.status === 'running') && steps.some((s) => s.status === 'pending') && steps.some((s) => s.vector_index === 2));
  assert.deepEqual(projected, steps);
  assert.equal(stepCount, run.step_count);
  assert.deepEqual(projection.stepStatsOf(projected), run.step_stats);
  // A live row has the fields the live table shows, each the stored one's.
  const shownKeys = Object.keys(fromEvents[0]);
  assert.deepEqual(fromEvents, measurements.map((m) => Object.fromEntries(shownKeys.map((k) => [k, m[k]]))));
  assert.deepEqual(projection.measurementStatsOf(fromEvents), run.measurement_stats);
}

test('a failing run, followed from the list to its live monitor and result', opts, async () => {
  await withArtifacts('live_run_failing', stack.browser, async () => {
    const { page } = stack.browser;
    await page.goto(`${stack.server.base}/results`);
    await page.waitForSelector('[data-testid="stream-status"][data-state="open"]', { timeout: 15000 });
    await page.waitForSelector('[data-testid="results-empty"]');
    await page.evaluate(() => (window.__noReload = true));

    const prog = startProgram(stack.dataDir, { serial: 'SN-LIVE-1', fail: true });
    try {
      // The row appears, in flight, without a reload.
      await page.waitForSelector('[data-testid="run-row"][data-outcome="running"]', { timeout: 20000 });
      const runId = await page.getAttribute('[data-testid="run-row"]', 'data-run-id');
      assert.equal(await page.textContent('[data-testid="run-row"] [data-testid="cell-serial"]'), 'SN-LIVE-1');
      // ACTIVE TESTS shows it, linking to its live monitor.
      await page.waitForSelector(`[data-testid="active-tests"]:not([hidden]) [data-testid="active-run"][data-run-id="${runId}"]`, { timeout: 10000 });
      assert.equal(await page.getAttribute('[data-testid="active-run"]', 'href'), `/live/${runId}`);
      // Its station's card says it is testing.
      await page.click('[data-testid="nav-/"]');
      await page.waitForSelector('[data-testid="station-card"][data-station-id="bench_1"] [data-testid="station-status"][data-status="busy"]');

      // Live monitor, opened from the sidebar.
      await page.click(`[data-testid="active-run"][data-run-id="${runId}"]`);
      await page.waitForSelector(`[data-testid="live-run"] [data-testid="run-header"][data-run-id="${runId}"]`, { timeout: 10000 });
      await page.waitForSelector('[data-testid="run-outcome"][data-outcome="running"]', { timeout: 10000 });
      await page.waitForSelector('[data-testid="current-step"]:text("Gate/Hold")', { timeout: 15000 });
      // The live dots blink (blink.ts) instead of running an endless
      // animation, which would make the browser draw a frame every vsync.
      const endless = await page.evaluate(() => document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations === Infinity).length);
      assert.equal(endless, 0, 'no endless animation on a page following a run');
      const dotOpacity = (dimmed) =>
        page.waitForFunction((d) => {
          const dot = document.querySelector('[data-testid="run-outcome"] .dot');
          return !!dot && document.documentElement.classList.contains('blink-dim') === d && getComputedStyle(dot).opacity === (d ? '0.35' : '1');
        }, dimmed);
      await dotOpacity(true);
      await dotOpacity(false);
      await page.waitForFunction((n) => {
        const p = document.querySelector('[data-testid="progress"]');
        return p?.getAttribute('data-total') === String(n) && p?.getAttribute('data-finished') === '6';
      }, STEPS);
      assert.equal(await page.textContent('[data-testid="progress-text"]'), `6 / ${STEPS} steps`);
      await assertProjectionMatchesStore(runId);
      assert.equal(await page.textContent('[data-testid="live-operator"]'), 'e2e-operator');
      assert.equal(await page.textContent('[data-testid="live-dut"]'), 'SN-LIVE-1');
      await page.waitForSelector('[data-testid="instrument-row"][data-role="dmm"]');
      await page.waitForSelector('[data-testid="live-measurements"] [data-testid="meas-row"][data-name="v_rail"]');
      // Events tab streams the session's events.
      await page.waitForSelector('[data-testid="timeline-row"][data-type="test.step_started"]');
      // Channels tab: last value of each channel of this session.
      await page.click('[data-testid="tab-channels"]');
      await page.waitForURL((u) => u.searchParams.get('tab') === 'channels');
      await page.waitForSelector('[data-testid="live-channel-row"][data-channel-id="dmm.voltage"] [data-testid="live-channel-value"]');
      // Output tab: stdout and stderr lines, stderr in its own colour.
      await page.click('[data-testid="tab-output"]');
      await page.waitForSelector('[data-testid="output-line"][data-stream="stderr"]:text("warning: printed on stderr")', { timeout: 10000 });
      await page.waitForSelector('[data-testid="output-line"][data-stream="stdout"]:text("hello from stdout")');
      const colour = (sel) => page.$eval(sel, (e) => getComputedStyle(e).color);
      assert.notEqual(await colour('[data-testid="output-line"][data-stream="stderr"]'), await colour('[data-testid="output-line"][data-stream="stdout"]'));
      await page.click('[data-testid="tab-events"]');
      await screenshot(page, 'live');
      await assertNoHorizontalOverflow(page, assert, 'live');
      await page.click('[data-testid="tab-output"]');
      await screenshot(page, 'live-output');
      await assertNoHorizontalOverflow(page, assert, 'live-output');

      // The result so far, filling in live.
      await page.click('[data-testid="view-result-live"]');
      await page.waitForSelector(`[data-testid="result-detail"] [data-testid="run-header"][data-run-id="${runId}"]`);
      assert.equal(await page.getAttribute('[data-testid="run-outcome"]', 'data-outcome'), 'running');
      assert.ok(await page.isVisible('[data-testid="live-tag"]'));
      await page.click('[data-testid="tab-steps"]');
      await page.waitForSelector('[data-testid="step-row"][data-step-path="Gate/Hold"][data-outcome="running"]');
      assert.equal(await page.getAttribute('[data-testid="step-row"][data-step-path="Final/Judge"]', 'data-outcome'), 'pending');
      assert.equal(await page.locator('[data-testid="step-row"][data-step-path="Power/Rail"][data-outcome="passed"]').count(), 3);
      await screenshot(page, 'result-running');
      await assertNoHorizontalOverflow(page, assert, 'result-running');
      // The Measurements tab fills in live: rows are added to the table
      // on screen, which is not rebuilt.
      await page.click('[data-testid="tab-measurements"]');
      await page.waitForSelector('[data-testid="meas-row"][data-name="temperature"]');
      await page.evaluate(() => (window.__measTable = document.querySelector('[data-testid="meas-table"]')));

      prog.openGate();
      await page.waitForSelector('[data-testid="meas-row"][data-name="v_final"][data-outcome="failed"]', { timeout: 20000 });
      assert.equal(await page.evaluate(() => window.__measTable === document.querySelector('[data-testid="meas-table"]')), true, 'the measurements table was rebuilt');
      // The tab clicked keeps the keyboard focus while its count changes
      // (the strip is updated in place, not rebuilt).
      assert.equal(await page.getAttribute('[data-testid="tab-count-measurements"]', 'data-testid'), 'tab-count-measurements');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'tab-measurements');
      const seqs = await page.$$eval('[data-testid="meas-row"]', (rows) => rows.map((r) => Number(r.dataset.seq)));
      await until(async () => (await api(`/api/runs/${runId}/measurements`)).total === seqs.length, { what: 'every measurement on screen is stored' });
      assert.deepEqual(seqs, (await api(`/api/runs/${runId}/measurements`)).measurements.map((m) => m.seq));
      await page.click('[data-testid="tab-steps"]');
      // RUNNING → FAILED without a reload; the steps fill in.
      await page.waitForSelector('[data-testid="run-outcome"][data-outcome="failed"]', { timeout: 20000 });
      await page.waitForSelector('[data-testid="step-row"][data-step-path="Final/Judge"][data-outcome="failed"]');
      // Only measure() in it: done, not judged.
      assert.equal(await page.getAttribute('[data-testid="step-row"][data-step-path="Gate/Hold"]', 'data-outcome'), 'done');
      assert.equal(await page.isVisible('[data-testid="live-tag"]'), false);
      // ACTIVE TESTS goes away with the last run in flight.
      await page.waitForSelector('[data-testid="active-tests"][hidden]', { state: 'attached', timeout: 15000 });
      assert.equal((await prog.done).code, 1);
      const run = await api(`/api/runs/${runId}`);
      assert.equal(run.outcome, 'failed');

      // The list shows it finished, and the dashboard lists it as recent.
      await page.click('[data-testid="nav-/results"]');
      await page.waitForSelector(`[data-testid="run-row"][data-run-id="${runId}"][data-outcome="failed"]`);
      await page.click('[data-testid="nav-/"]');
      await page.waitForSelector(`[data-testid="recent-row"][data-run-id="${runId}"]`);
      await page.waitForSelector('[data-testid="station-status"][data-status="ready"]');
      await screenshot(page, 'dashboard');
      assert.equal(await page.evaluate(() => window.__noReload), true, 'the page was reloaded');
    } finally {
      prog.openGate();
      await prog.done;
    }
  });
});

test('a passing run: the live monitor turns PASSED and links to the full result', opts, async () => {
  await withArtifacts('live_run_passing', stack.browser, async () => {
    const { page } = stack.browser;
    await page.goto(`${stack.server.base}/results`);
    await page.waitForSelector('[data-testid="stream-status"][data-state="open"]', { timeout: 15000 });
    await page.waitForSelector('[data-testid="run-row"]');
    const prog = startProgram(stack.dataDir, { serial: 'SN-LIVE-2' });
    try {
      // A new row on top, live.
      const active = await until(async () => (await api('/api/active')).runs[0], { what: 'the run in /api/active' });
      await page.waitForSelector(`[data-testid="run-row"][data-run-id="${active.run_id}"][data-outcome="running"]`, { timeout: 15000 });
      assert.equal(await page.getAttribute('[data-testid="run-row"]', 'data-run-id'), active.run_id);
      const measUrl = /\/api\/runs\/[^/]+\/measurements/;
      let measAnswers = 0;
      page.on('response', (r) => {
        if (measUrl.test(r.url())) measAnswers += 1;
      });
      await page.click(`[data-testid="active-run"][data-run-id="${active.run_id}"]`);
      await page.waitForSelector('[data-testid="current-step"]:text("Gate/Hold")', { timeout: 15000 });
      assert.equal(await page.isVisible('[data-testid="view-result"]'), false);
      // The monitor's first load, then the one after it subscribed to the
      // stream: from there on a measurement, and a step's start and end,
      // come from their events. Every measurements and steps request is
      // now held, and the rows and the progress must still arrive.
      await until(async () => measAnswers >= 2, { what: 'the live monitor caught up with the stored measurements' });
      let release;
      const held = new Promise((r) => (release = r));
      const continued = [];
      const hold = (route) => {
        const done = held.then(() => route.continue());
        continued.push(done);
        return done;
      };
      const stepsUrl = /\/api\/runs\/[^/]+\/steps/;
      await page.route(measUrl, hold);
      await page.route(stepsUrl, hold);
      const liveRow = '[data-testid="live-measurements"] [data-testid="meas-row"][data-name="v_final"][data-outcome="passed"]';
      prog.openGate();
      // Tinted as it arrives; the tint goes with a later tick of the blink.
      await page.waitForSelector(`${liveRow}.fresh`, { timeout: 20000 });
      await page.waitForSelector(`${liveRow}:not(.fresh)`, { timeout: 5000 });
      assert.equal(await page.textContent(`${liveRow} [data-testid="meas-limits"]`), '3.2 – 3.4');
      const progress = () =>
        page.$eval('[data-testid="progress"]', (p) => [p.dataset.finished, p.dataset.total, p.querySelector('[data-testid="progress-text"]')?.textContent, ...[...p.querySelectorAll('.progress i')].map((i) => `${i.className} ${i.style.width}`)]);
      await page.waitForFunction((n) => document.querySelector('[data-testid="progress"]')?.getAttribute('data-finished') === String(n), STEPS);
      assert.equal(await page.locator('[data-testid="current-step"]').count(), 0);
      const progressLive = await progress();
      assert.deepEqual(progressLive.slice(0, 4), [String(STEPS), String(STEPS), `${STEPS} / ${STEPS} steps`, 'p-pass 75%']);
      release();
      await Promise.all(continued);
      await page.unroute(measUrl, hold);
      await page.unroute(stepsUrl, hold);
      await page.waitForSelector('[data-testid="run-outcome"][data-outcome="passed"]', { timeout: 20000 });
      // The rows made from events are the rows the server stores.
      const rows = () => page.$$eval('[data-testid="live-measurements"] [data-testid="meas-row"]', (list) => list.map((r) => [r.dataset.seq, r.dataset.name, r.dataset.outcome, r.className, r.textContent]));
      const shownLive = await rows();
      await page.reload();
      await page.waitForSelector('[data-testid="run-outcome"][data-outcome="passed"]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="live-measurements"] [data-testid="meas-row"]').length === n, shownLive.length);
      assert.deepEqual(await rows(), shownLive);
      // And the progress made from step events is the stored steps'.
      assert.deepEqual(await progress(), progressLive);
      await page.click('[data-testid="view-result"]');
      await page.waitForURL((u) => u.pathname === `/results/${active.run_id}`);
      await page.waitForSelector('[data-testid="result-detail"] [data-testid="run-outcome"][data-outcome="passed"]');
      assert.equal((await prog.done).code, 0);
      // Reachable by its session too: /sessions/<id> still shows the session.
      await page.goto(`${stack.server.base}/sessions/${active.session_id}`);
      await page.waitForSelector(`[data-testid="session-detail"][data-session-id="${active.session_id}"]`);
    } finally {
      prog.openGate();
      await prog.done;
    }
  });
});
