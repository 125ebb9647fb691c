// The Metrics page against a realistic store (`litmus demo`, alias
// generate-data: stations, products, lots, phases, drifting measurements,
// instruments with calibration dates): every number the page shows is the
// API's for the same filter; filters change them and live in the URL
// across reload; each tab draws its chart; a Cpk row opens its histogram;
// and a run that ends while the page is open shows up without a reload.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoHorizontalOverflow, generateData, getJson, liveStack, screenshot, startProgram, texts, withArtifacts } from './harness.mjs';

const stack = liveStack({ needsProgram: true, prepare: (dir) => generateData(dir, { runs: 300, measurements: 6000, seed: 3 }) });
const opts = { skip: stack.skip || false, timeout: 150000 };
const api = (q) => getJson(stack.server.base, q);
const percent = (r) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);

async function open(path) {
  const { page } = stack.browser;
  await page.goto(`${stack.server.base}${path}`);
  await page.waitForSelector('[data-testid="stream-status"][data-state="open"]', { timeout: 15000 });
  await loaded(page);
  return page;
}

/** Waits for the tab's content to be rendered for the current URL. */
async function loaded(page) {
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid="metrics-content"]');
    const tab = new URL(location.href).searchParams.get('tab') ?? 'yield';
    return c && c.getAttribute('data-tab') === tab && !c.hasAttribute('aria-busy');
  }, undefined, { timeout: 15000 });
}

/** Pixels drawn on the chart's canvas (uPlot), or bars of its SVG. */
function drawn(page, testid) {
  return page.$eval(`[data-testid="${testid}"]`, (el) => {
    if (el.tagName.toLowerCase() === 'svg') return el.querySelectorAll('rect').length;
    const canvas = el.querySelector('canvas');
    if (!canvas || !canvas.width) return 0;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]) painted++;
    return painted;
  });
}

/** Clicks a tab and waits for its content, scrolled to the top (as a user would land). */
async function openTab(page, tab) {
  await page.click(`[data-testid="tab-${tab}"]`);
  await page.waitForURL((u) => (u.searchParams.get('tab') ?? 'yield') === tab);
  await loaded(page);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function waitText(page, selector, want) {
  await page.waitForFunction(([sel, w]) => document.querySelector(sel)?.textContent?.trim() === w, [selector, want], { timeout: 15000 });
}

test('Yield numbers follow the filters, which live in the URL', opts, async () => {
  await withArtifacts('metrics_filters', stack.browser, async () => {
    const page = await open('/metrics');
    const all = await api('/api/metrics/summary');
    assert.ok(all.runs > 0, 'the demo line has production runs');
    assert.equal(await page.textContent('[data-testid="stat-runs-value"]'), String(all.runs));
    assert.equal(await page.textContent('[data-testid="stat-failures-value"]'), String(all.failed));
    assert.equal(await page.textContent('[data-testid="stat-errored-value"]'), String(all.errored));
    assert.equal(await page.textContent('[data-testid="stat-fpy-value"]'), percent(all.first_pass_yield));
    assert.equal(await page.textContent('[data-testid="stat-final-yield-value"]'), percent(all.final_yield));
    assert.equal(await page.textContent('[data-testid="stat-time-p95-value"]'), `${all.duration.p95_s.toFixed(1)} s`);
    assert.match(await page.textContent('[data-testid="untested-note"]'), /aborted before any step ran counts as not tested/);
    assert.equal(await page.textContent('[data-testid="filter-phase-summary"]'), 'All but development');
    assert.ok((await drawn(page, 'yield-chart')) > 0, 'the yield trend is drawn');
    const trend = await api('/api/metrics/trend');
    assert.equal(await page.locator('[data-testid="trend-row"]').count(), trend.points.length);
    await screenshot(page, 'metrics-yield');
    await assertNoHorizontalOverflow(page, assert, '/metrics yield');

    // Product: the options are the part numbers seen; one of them narrows every number.
    const facets = await api('/api/metrics/facets');
    await page.click('[data-testid="filter-product-summary"]');
    assert.deepEqual(await page.$$eval('[data-testid="filter-product-option"]', (b) => b.map((x) => x.value)), facets.products);
    const product = facets.products[0];
    await page.check(`[data-testid="filter-product-option"][value="${product}"]`);
    await page.waitForURL((u) => u.searchParams.get('product') === product);
    await loaded(page);
    const narrowed = await api(`/api/metrics/summary?product=${encodeURIComponent(product)}`);
    assert.ok(narrowed.runs < all.runs);
    await waitText(page, '[data-testid="stat-runs-value"]', String(narrowed.runs));
    assert.equal(await page.textContent('[data-testid="filter-product-summary"]'), product);

    // Phase: adding development (every phase there is) sends phase=*.
    await page.click('[data-testid="filter-phase-summary"]');
    assert.ok(facets.phases.includes('development'));
    await page.check('[data-testid="filter-phase-option"][value="development"]');
    await page.waitForURL((u) => u.searchParams.get('phase') === '*');
    await loaded(page);
    const everyPhase = await api(`/api/metrics/summary?product=${encodeURIComponent(product)}&phase=*`);
    assert.ok(everyPhase.runs > narrowed.runs, 'development runs count when asked');
    await waitText(page, '[data-testid="stat-runs-value"]', String(everyPhase.runs));

    // Since / Until: UTC days.
    const points = trend.points;
    const since = points[Math.floor(points.length / 2)].period;
    await page.fill('[data-testid="filter-since"]', since);
    await page.waitForURL((u) => u.searchParams.get('since') === since);
    await loaded(page);
    const windowed = await api(`/api/metrics/summary?product=${encodeURIComponent(product)}&phase=*&since=${since}`);
    await waitText(page, '[data-testid="stat-runs-value"]', String(windowed.runs));

    // Week trend, then reload: tab, filters and options come back from the URL.
    await page.click('[data-testid="period-week"]');
    await page.waitForURL((u) => u.searchParams.get('period') === 'week');
    await page.reload();
    await page.waitForSelector('[data-testid="stream-status"][data-state="open"]');
    await loaded(page);
    assert.equal(await page.textContent('[data-testid="filter-product-summary"]'), product);
    assert.equal(await page.textContent('[data-testid="filter-phase-summary"]'), 'All phases');
    assert.equal(await page.inputValue('[data-testid="filter-since"]'), since);
    assert.equal(await page.getAttribute('[data-testid="period-week"]', 'aria-pressed'), 'true');
    await waitText(page, '[data-testid="stat-runs-value"]', String(windowed.runs));
    const weeks = await api(`/api/metrics/trend?product=${encodeURIComponent(product)}&phase=*&since=${since}&period=week`);
    assert.deepEqual(await texts(page, '[data-testid="trend-row"] td:first-child'), weeks.points.map((p) => p.period));

    // Reset clears the filters, keeps the tab.
    await page.click('[data-testid="filter-reset"]');
    await page.waitForURL((u) => !u.searchParams.has('product') && !u.searchParams.has('phase'));
    await loaded(page);
    await waitText(page, '[data-testid="stat-runs-value"]', String(all.runs));
  });
});

test('every tab draws its chart and matches its lens; Cpk rows open a histogram', opts, async () => {
  await withArtifacts('metrics_tabs', stack.browser, async () => {
    const page = await open('/metrics');

    // Tabs: click, and ←/→ from the tab strip, each in the URL.
    await openTab(page, 'pareto');
    const pareto = await api('/api/metrics/pareto?top=15');
    assert.equal(await page.textContent('[data-testid="pareto-total"]'), `${pareto.total_failures} failures`);
    assert.deepEqual(await page.$$eval('[data-testid="pareto-row"]', (r) => r.map((x) => x.getAttribute('data-label'))), pareto.rows.map((r) => r.label));
    assert.ok((await drawn(page, 'pareto-chart')) > 0);
    await page.click('[data-testid="group-by-measurement"]');
    await page.waitForURL((u) => u.searchParams.get('group_by') === 'measurement');
    await loaded(page);
    const byMeasurement = await api('/api/metrics/pareto?group_by=measurement&top=15');
    assert.ok(byMeasurement.rows.length > 0 && byMeasurement.rows.length <= 15);
    assert.deepEqual(await page.$$eval('[data-testid="pareto-row"]', (r) => r.map((x) => x.getAttribute('data-label'))), byMeasurement.rows.map((r) => r.label));
    assert.match(byMeasurement.rows[0].label, /^.+: .+$/, 'a measurement reads "step: name"');
    assert.equal(await page.textContent('[data-testid="pareto-row"] [data-testid="cell-fail-rate"]'), percent(byMeasurement.rows[0].fail_rate));
    await screenshot(page, 'metrics-pareto');
    await assertNoHorizontalOverflow(page, assert, '/metrics pareto');

    await page.focus('[data-testid="tab-pareto"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((u) => u.searchParams.get('tab') === 'cpk');
    // The focus stays on the tab strip, so the keys go on working.
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL((u) => u.searchParams.get('tab') === 'pareto');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((u) => u.searchParams.get('tab') === 'cpk');
    await loaded(page);
    const cpk = await api('/api/metrics/cpk');
    assert.equal(await page.locator('[data-testid="cpk-row"]').count(), cpk.rows.length);
    const first = cpk.rows[0];
    assert.ok(first.cpk !== null, 'the worst row has an index');
    assert.equal(await page.getAttribute('[data-testid="cpk-row"]', 'data-band'), first.cpk >= 1.33 ? 'cpk-good' : first.cpk >= 1 ? 'cpk-warn' : 'cpk-bad');
    assert.equal(await page.textContent('[data-testid="cpk-row"] [data-testid="cell-cpk"]'), first.cpk.toFixed(2));
    assert.equal(await page.isHidden('[data-testid="cpk-histogram-panel"]'), true);
    // Keyboard: focus the first row, Enter opens its histogram.
    await page.focus('[data-testid="cpk-row"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="cpk-histogram-panel"]:not([hidden]) canvas');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="cpk-histogram"]')?.getAttribute('data-points')) > 0);
    assert.equal(await page.getAttribute('[data-testid="cpk-histogram"]', 'data-points'), String(first.n), 'the histogram holds the row’s n values');
    assert.ok((await drawn(page, 'cpk-histogram')) > 0);
    assert.match(await page.textContent('[data-testid="cpk-histogram-title"]'), new RegExp(`${first.name}`));
    // The open row is in the URL (no history entry of its own): a reload,
    // or the link sent to a colleague, opens the same histogram.
    await page.waitForURL((u) => u.searchParams.get('cpk_row') !== null);
    const cpkRow = JSON.parse(new URL(page.url()).searchParams.get('cpk_row'));
    assert.deepEqual(cpkRow.slice(2, 4), [first.step_path, first.name]);
    await page.reload();
    await loaded(page);
    await page.waitForSelector('[data-testid="cpk-histogram-panel"]:not([hidden]) canvas');
    assert.equal(await page.getAttribute('[data-testid="cpk-row"][data-index="0"]', 'class'), 'selected');
    assert.match(await page.textContent('[data-testid="cpk-histogram-title"]'), new RegExp(`${first.name}`));
    // A row below min_samples says so instead of showing a number.
    await page.fill('[data-testid="min-samples"]', '1000');
    await page.press('[data-testid="min-samples"]', 'Enter');
    await page.waitForURL((u) => u.searchParams.get('min_samples') === '1000');
    await loaded(page);
    assert.match(await page.textContent('[data-testid="cpk-row"] [data-testid="cell-cpk"]'), /not enough data \(n < 1000\)/);
    await page.goBack();
    await loaded(page);
    await page.click('[data-testid="cpk-row"]');
    await page.waitForSelector('[data-testid="cpk-histogram-panel"]:not([hidden]) canvas');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="cpk-histogram"]')?.getAttribute('data-points')) > 0);
    await screenshot(page, 'metrics-cpk');
    await assertNoHorizontalOverflow(page, assert, '/metrics cpk');

    await openTab(page, 'retest');
    const retest = await api('/api/metrics/retest?top=15');
    assert.equal(await page.locator('[data-testid="retest-row"]').count(), retest.periods.length);
    assert.deepEqual(await page.$$eval('[data-testid="nff-row"]', (r) => r.map((x) => x.getAttribute('data-serial'))), retest.no_fault_found.map((n) => n.serial));
    assert.ok((await drawn(page, 'retest-chart')) > 0);
    await screenshot(page, 'metrics-retest');
    await assertNoHorizontalOverflow(page, assert, '/metrics retest');

    await openTab(page, 'time-loss');
    const loss = await api('/api/metrics/time-loss');
    assert.equal(await page.locator('[data-testid="time-loss-row"]').count(), loss.periods.length);
    assert.ok((await drawn(page, 'time-loss-chart')) > 0);
    await screenshot(page, 'metrics-time-loss');
    await assertNoHorizontalOverflow(page, assert, '/metrics time loss');

    await openTab(page, 'assets');
    const assets = await api('/api/metrics/assets');
    assert.ok(assets.rows.length > 0, 'the demo line connects instruments');
    assert.deepEqual(await page.$$eval('[data-testid="asset-row"]', (r) => r.map((x) => x.getAttribute('data-role'))), assets.rows.map((a) => a.role));
    assert.ok((await drawn(page, 'assets-chart')) > 0);
    const today = new Date().setHours(0, 0, 0, 0);
    const late = assets.rows.filter((a) => Number.isFinite(Date.parse(a.calibration_due)) && Date.parse(a.calibration_due) < today).length;
    assert.equal(await page.locator('[data-testid="cell-calibration"][data-past-due="true"]').count(), late);
    await screenshot(page, 'metrics-assets');
    await assertNoHorizontalOverflow(page, assert, '/metrics assets');

    // Wide screens too.
    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const tab of ['yield', 'pareto', 'cpk', 'retest', 'time-loss', 'assets']) {
      await openTab(page, tab);
      await assertNoHorizontalOverflow(page, assert, `/metrics ${tab} at 1920`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

test('a run that ends while the page is open counts without a reload', opts, async () => {
  await withArtifacts('metrics_live', stack.browser, async () => {
    // The e2e program names no phase (development): every phase is asked.
    const page = await open('/metrics?phase=*');
    const before = await api('/api/metrics/summary?phase=*');
    await waitText(page, '[data-testid="stat-runs-value"]', String(before.runs));
    await page.evaluate(() => (window.__noReload = true));
    const prog = startProgram(stack.dataDir, { serial: 'SN-METRICS-1', gate: false });
    const { code } = await prog.done;
    assert.equal(code, 0, 'the program passes');
    await waitText(page, '[data-testid="stat-runs-value"]', String(before.runs + 1));
    assert.equal(await page.evaluate(() => window.__noReload), true, 'the page did not reload');
  });
});
