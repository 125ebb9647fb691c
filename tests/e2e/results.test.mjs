// Results list and detail against a store of 130 synthetic runs (`litmus
// generate-data`) plus one run of the e2e test program: stats, server-side
// sorting on every sortable column, paging, URL state across reloads,
// keyboard navigation, the detail's tabs, DUT history and "not found".

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoHorizontalOverflow, generateData, getJson, liveStack, screenshot, startProgram, texts, withArtifacts } from './harness.mjs';

const RUNS = 130;
const stack = liveStack({ needsProgram: true, prepare: (dir) => generateData(dir, { runs: RUNS, measurements: 1500 }) });
const opts = { skip: stack.skip || false, timeout: 120000 };
let programRun = null;

async function open(path) {
  const { page } = stack.browser;
  await page.goto(`${stack.server.base}${path}`);
  await page.waitForSelector('[data-testid="stream-status"][data-state="open"]', { timeout: 15000 });
  return page;
}

const rowIds = (page) => page.$$eval('[data-testid="run-row"]', (rows) => rows.map((r) => r.getAttribute('data-run-id')));
const api = (q) => getJson(stack.server.base, q);

async function waitRows(page, ids) {
  await page.waitForFunction(
    (want) => {
      const got = [...document.querySelectorAll('[data-testid="run-row"]')].map((r) => r.getAttribute('data-run-id'));
      return got.length === want.length && got.every((id, i) => id === want[i]);
    },
    ids,
    { timeout: 10000 },
  );
}

test('Results list: stats, server-side sort on every column, paging, URL state, keyboard', opts, async () => {
  await withArtifacts('results_list', stack.browser, async () => {
    // One real run of a serial the synthetic store already knows (DUT History below).
    const first = await api('/api/runs?sort=serial&order=asc&limit=1');
    const serial = first.runs[0].dut_serial;
    const prog = startProgram(stack.dataDir, { serial, fail: true, gate: false });
    const { code } = await prog.done;
    assert.equal(code, 1, 'the program fails its last verify');
    const mine = await api(`/api/duts/${encodeURIComponent(serial)}/runs`);
    programRun = mine.runs.find((r) => r.program === 'e2e_program');
    assert.ok(programRun, 'the e2e program run is stored');

    const page = await open('/results');
    const list = await api('/api/runs');
    await waitRows(page, list.runs.map((r) => r.run_id));
    const st = list.stats;
    assert.equal(await page.textContent('[data-testid="stat-total-value"]'), String(RUNS + 1));
    assert.equal(await page.textContent('[data-testid="stat-passed-value"]'), String(st.passed));
    assert.equal(await page.textContent('[data-testid="stat-failed-value"]'), String(st.failed));
    assert.equal(await page.textContent('[data-testid="stat-errored-value"]'), String(st.errored));
    assert.equal(await page.textContent('[data-testid="stat-pass-rate-value"]'), `${(st.pass_rate * 100).toFixed(1)} %`);
    assert.equal(await page.textContent('[data-testid="page-range"]'), `1–50 of ${RUNS + 1}`);
    assert.equal(await page.getAttribute('th[data-sort-key="started"]', 'aria-sort'), 'descending');
    assert.equal(await page.locator('th[data-sort-key]').count(), 9, 'every column but Ended sorts');
    await screenshot(page, 'results');
    await assertNoHorizontalOverflow(page, assert, '/results');

    // Every sortable column, sorted by the server over all runs.
    for (const key of ['outcome', 'serial', 'part_number', 'hostname', 'project', 'phase', 'started', 'steps', 'measurements']) {
      await page.click(`[data-testid="sort-${key}"]`);
      await page.waitForFunction((k) => document.querySelector(`th[data-sort-key="${k}"]`)?.getAttribute('aria-sort') !== 'none', key);
      assert.equal(new URL(page.url()).searchParams.get('sort') ?? 'started', key);
      const o = (await page.getAttribute(`th[data-sort-key="${key}"]`, 'aria-sort')) === 'ascending' ? 'asc' : 'desc';
      const want = await api(`/api/runs?sort=${key}&order=${o}&limit=50`);
      await waitRows(page, want.runs.map((r) => r.run_id));
    }
    // A second click reverses the order.
    await page.click('[data-testid="sort-serial"]');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'serial');
    await page.click('[data-testid="sort-serial"]');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'serial' && u.searchParams.get('order') === 'desc');
    assert.equal(await page.getAttribute('th[data-sort-key="serial"]', 'aria-sort'), 'descending');
    await waitRows(page, (await api('/api/runs?sort=serial&order=desc&limit=50')).runs.map((r) => r.run_id));

    // Page size and pages, in the URL.
    await page.selectOption('[data-testid="page-size"]', '10');
    await page.waitForURL((u) => u.searchParams.get('size') === '10');
    await page.waitForFunction((n) => document.querySelector('[data-testid="page-range"]')?.textContent === `1–10 of ${n}`, RUNS + 1);
    await page.click('[data-testid="page-next"]');
    await page.waitForURL((u) => u.searchParams.get('page') === '2');
    const page2 = (await api('/api/runs?sort=serial&order=desc&offset=10&limit=10')).runs.map((r) => r.run_id);
    await waitRows(page, page2);
    assert.equal(await page.textContent('[data-testid="page-range"]'), `11–20 of ${RUNS + 1}`);
    // Reload keeps sort, order, page and size.
    await page.reload();
    await waitRows(page, page2);
    assert.equal(await page.getAttribute('th[data-sort-key="serial"]', 'aria-sort'), 'descending');
    assert.equal(await page.inputValue('[data-testid="page-size"]'), '10');
    // Back in history returns to the previous page of the list.
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('[data-testid="page-range"]')?.textContent?.startsWith('1–10'));

    // Keyboard: rows focusable, arrows move, Enter opens.
    await page.locator('[data-testid="run-row"]').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-run-id'));
    assert.equal(focused, (await rowIds(page))[1]);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === `/results/${focused}`);
    await page.waitForSelector(`[data-testid="run-header"][data-run-id="${focused}"]`);
    // Back (the button) returns to the list as it was.
    await page.click('[data-testid="back"]');
    await page.waitForURL((u) => u.pathname === '/results' && u.searchParams.get('size') === '10');
  });
});

test('Results detail: header, tabs in the URL, steps, measurements, DUT history, not found', opts, async () => {
  await withArtifacts('results_detail', stack.browser, async () => {
    assert.ok(programRun, 'needs the run of the first test');
    const id = programRun.run_id;
    const detail = await api(`/api/runs/${id}`);
    // An 8-character prefix is enough.
    const page = await open(`/results/${id.slice(0, 8)}`);
    await page.waitForSelector(`[data-testid="run-header"][data-run-id="${id}"]`);
    assert.equal(await page.getAttribute('[data-testid="run-outcome"]', 'data-outcome'), 'failed');
    assert.equal(await page.isVisible('[data-testid="live-tag"]'), false);
    assert.equal(await page.textContent('[data-testid="meta-serial"]'), detail.dut_serial);
    assert.equal(await page.textContent('[data-testid="meta-part_number"]'), 'PN-E2E');
    assert.equal(await page.textContent('[data-testid="meta-hostname"]'), detail.hostname);
    assert.equal(await page.textContent('[data-testid="meta-project"]'), 'demo');
    assert.equal(await page.textContent('[data-testid="run-title"]'), 'e2e_program');
    // The server preloads the run's first requests in the page and the app
    // uses those answers: each URL went out once, and no request had to
    // fetch the stream's starting point first.
    const prefix = id.slice(0, 8);
    const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname + new URL(e.name).search));
    for (const url of [`/api/runs/${prefix}`, `/api/runs/${prefix}/steps`, `/api/runs/${prefix}/measurements?offset=0&limit=200`]) {
      assert.equal(requested.filter((u) => u === url).length, 1, `${url} requested once (preloaded): ${requested.join(' ')}`);
    }
    assert.ok(!requested.some((u) => u.startsWith('/api/events')), 'the stream starts from the page, not from a request');
    // Overview: step and measurement stats from the API.
    const ss = detail.step_stats;
    assert.equal(await page.textContent('[data-testid="ss-passed"] .n'), String(ss.passed));
    assert.equal(await page.textContent('[data-testid="ss-failed"] .n'), String(ss.failed));
    assert.equal(await page.textContent('[data-testid="meas-pass-rate"]'), `${(detail.measurement_stats.pass_rate * 100).toFixed(1)} % within limits`);
    await screenshot(page, 'result-overview');
    await assertNoHorizontalOverflow(page, assert, 'result-overview');

    // Steps: one row per (step_path, vector_index), in run order.
    await page.click('[data-testid="tab-steps"]');
    await page.waitForURL((u) => u.searchParams.get('tab') === 'steps');
    const { steps } = await api(`/api/runs/${id}/steps`);
    const keys = [...new Set(steps.map((s) => `${s.step_path}#${s.vector_index}`))];
    await page.waitForSelector('[data-testid="step-row"]');
    const rows = await page.$$eval('[data-testid="step-row"]', (rs) => rs.map((r) => `${r.getAttribute('data-step-path')}#${r.getAttribute('data-vector')}`));
    assert.deepEqual(rows, keys);
    assert.equal(await page.locator('[data-testid="step-row"][data-step-path="Power/Rail"]').count(), 3);
    assert.match((await page.locator('[data-testid="step-row"][data-step-path="Power/Rail"]').nth(2).textContent()) ?? '', /vin=5\.5/);
    const finalRow = page.locator('[data-testid="step-row"][data-step-path="Final/Judge"]');
    assert.equal(await finalRow.getAttribute('data-outcome'), 'failed');
    assert.match((await finalRow.getAttribute('class')) ?? '', /row-fail/);
    await screenshot(page, 'result-steps');
    await assertNoHorizontalOverflow(page, assert, 'result-steps');
    // Reload keeps the tab.
    await page.reload();
    await page.waitForSelector('[data-testid="step-row"]');
    assert.equal(await page.getAttribute('[data-testid="tab-steps"]', 'aria-selected'), 'true');
    // Arrow keys move between tabs.
    await page.focus('[data-testid="tab-steps"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((u) => u.searchParams.get('tab') === 'measurements');
    // The focus stays on the tab strip (updated in place, not rebuilt), so
    // the keys go on working.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'tab-measurements');
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL((u) => u.searchParams.get('tab') === 'steps');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((u) => u.searchParams.get('tab') === 'measurements');

    // Measurements: values with units, limits, failing rows stand out,
    // instrument channels link to their channel.
    const meas = await api(`/api/runs/${id}/measurements`);
    await page.waitForSelector('[data-testid="meas-row"]');
    // The rows past the first screenful follow a frame later (progressive).
    await page.waitForSelector('[data-testid="meas-body"]:not([data-pending])');
    assert.equal(await page.locator('[data-testid="meas-row"]').count(), meas.total);
    const vFinal = page.locator('[data-testid="meas-row"][data-name="v_final"]');
    assert.equal(await vFinal.getAttribute('data-outcome'), 'failed');
    assert.match((await vFinal.getAttribute('class')) ?? '', /row-fail/);
    assert.equal(await vFinal.locator('[data-testid="meas-value"]').textContent(), '5 V');
    assert.match((await vFinal.locator('[data-testid="meas-limits"]').textContent()) ?? '', /^3\.2 – 3\.4/);
    const rail = page.locator('[data-testid="meas-row"][data-name="v_rail"]').first();
    assert.equal(await rail.locator('[data-testid="meas-channel"]').getAttribute('href'), '/channels/dmm.voltage');
    await screenshot(page, 'result-measurements');
    await assertNoHorizontalOverflow(page, assert, 'result-measurements');

    // DUT History: this serial's other runs, newest first.
    await page.click('[data-testid="tab-history"]');
    await page.waitForURL((u) => u.searchParams.get('tab') === 'history');
    const hist = await api(`/api/duts/${encodeURIComponent(detail.dut_serial)}/runs`);
    const others = hist.runs.filter((r) => r.run_id !== id).map((r) => r.run_id);
    assert.ok(others.length >= 1, 'the synthetic store has other runs of this serial');
    await page.waitForSelector('[data-testid="history-row"]');
    assert.deepEqual(await page.$$eval('[data-testid="history-row"]', (rs) => rs.map((r) => r.getAttribute('data-run-id'))), others);
    await screenshot(page, 'result-history');
    await assertNoHorizontalOverflow(page, assert, 'result-history');
    await page.locator('[data-testid="history-row"]').first().click();
    await page.waitForSelector(`[data-testid="run-header"][data-run-id="${others[0]}"]`);
    assert.equal(new URL(page.url()).pathname, `/results/${others[0]}`);

    // The biggest synthetic run pages its measurements.
    const big = (await api('/api/runs?sort=measurements&order=desc&limit=1')).runs[0];
    await open(`/results/${big.run_id}?tab=measurements`);
    await page.waitForSelector('[data-testid="meas-row"]');
    assert.equal(await page.textContent('[data-testid="page-range"]'), `1–100 of ${big.measurement_count}`);
    // The first frame shows a screenful; the rest of the page's 100 rows
    // follow right after, in run order, without a gap.
    await page.waitForSelector('[data-testid="meas-body"]:not([data-pending])');
    assert.equal(await page.locator('[data-testid="meas-row"]').count(), 100);
    const seqs = await page.$$eval('[data-testid="meas-row"]', (rs) => rs.map((r) => Number(r.getAttribute('data-seq'))));
    assert.ok(seqs.every((s, i) => i === 0 || s > seqs[i - 1]), 'rows in run order');
    const firstPage = await api(`/api/runs/${big.run_id}/measurements?offset=0&limit=100`);
    assert.deepEqual(seqs, firstPage.measurements.map((m) => m.seq));
    // The last row is really there (laid out), not only in the DOM.
    await page.locator('[data-testid="meas-row"]').last().scrollIntoViewIfNeeded();
    assert.ok(await page.locator('[data-testid="meas-row"]').last().isVisible());
    // Next page: every row of it.
    await page.click('[data-testid="page-next"]');
    const secondPage = Math.min(100, big.measurement_count - 100);
    await page.waitForFunction((r) => document.querySelector('[data-testid="page-range"]')?.textContent === r, `101–${100 + secondPage} of ${big.measurement_count}`);
    await page.waitForSelector('[data-testid="meas-body"]:not([data-pending])');
    assert.equal(await page.locator('[data-testid="meas-row"]').count(), secondPage);

    // Its live monitor (the run has ended; its session's events are the
    // history): of the long live tables only the first CLIPPED rows are
    // laid out while a table is scrolled to the top (CLIPPED_ROWS in
    // web/src/components/table.ts); the rest are in the DOM
    // and show once the table is scrolled to the end of the shown rows.
    const CLIPPED = 24;
    await open(`/live/${big.run_id}`);
    const measRows = '[data-testid="live-measurements"] [data-testid="meas-row"]';
    await page.waitForSelector(measRows);
    const shownMeas = Math.min(200, big.measurement_count);
    assert.ok(shownMeas > CLIPPED, `the biggest synthetic run has more than ${CLIPPED} measurements`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="live-measurements"] [data-testid="meas-row"]').length === n, shownMeas);
    // The session's history (its events) is in once the timeline stops growing.
    await page.waitForSelector('[data-testid="timeline-row"]');
    for (let last = -1, n = 0; n !== last; await page.waitForTimeout(300)) [last, n] = [n, await page.locator('[data-testid="timeline-row"]').count()];
    const panes = [['[data-testid="live-measurements"]', measRows]];
    if ((await page.locator('[data-testid="timeline-row"]').count()) > CLIPPED) panes.push(['[data-testid="pane-events"]', '[data-testid="timeline-row"]']);
    const checkClipped = async (pane, rows) => {
      assert.equal(await page.locator(`${rows}:visible`).count(), CLIPPED, `${pane}: ${CLIPPED} rows laid out at the top`);
      const all = await page.locator(rows).count();
      await page.$eval(pane, (el) => {
        const s = el.closest('.scroll') ?? el;
        s.scrollTop = s.scrollHeight;
      });
      await page.waitForFunction(([sel, n]) => [...document.querySelectorAll(sel)].filter((r) => r.getClientRects().length).length === n, [rows, all]);
      await page.$eval(pane, (el) => ((el.closest('.scroll') ?? el).scrollTop = 0));
      await page.waitForFunction(([sel, n]) => [...document.querySelectorAll(sel)].filter((r) => r.getClientRects().length).length === n, [rows, CLIPPED]);
    };
    for (const [pane, rows] of panes) await checkClipped(pane, rows);
    // Newest first, the same rows as the API's last ones.
    const lastPage = await api(`/api/runs/${big.run_id}/measurements?offset=${big.measurement_count - shownMeas}&limit=${shownMeas}`);
    assert.deepEqual(
      await page.$$eval(measRows, (rs) => rs.map((r) => Number(r.getAttribute('data-seq')))),
      lastPage.measurements.map((m) => m.seq).reverse(),
    );

    // The session view's reads and measurements: the same clip, once its
    // history (up to 500 events) is in.
    await open(`/sessions/${big.session_id}`);
    const readRows = '[data-testid="reads-table"] [data-testid="read-row"]';
    await page.waitForSelector(readRows);
    for (let last = -1, n = 0; n !== last; await page.waitForTimeout(300)) [last, n] = [n, await page.locator(readRows).count()];
    assert.ok((await page.locator(readRows).count()) > CLIPPED, `the biggest synthetic run's session has more than ${CLIPPED} reads and measurements`);
    await checkClipped('[data-testid="reads-table"]', readRows);

    // Unknown id.
    await open('/results/deadbeef-0000');
    await page.waitForSelector('[data-testid="run-not-found"]');
    assert.match((await page.textContent('[data-testid="run-not-found"]')) ?? '', /Run not found\./);
  });
});
