// The screens that need no test runs: the sidebar, the Dashboard of an
// empty project (station cards, Getting Started), the empty Results list,
// Events (filters in the URL, server errors, row → JSON, keyboard) and
// Channels (list updating live, detail chart decimated to its width,
// zoom re-query, waveform overlay/envelope, raw samples, not found) — all
// against real sessions written by the tutorial.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertNoHorizontalOverflow,
  getJson,
  liveStack,
  runTutorial,
  screenshot,
  texts,
  withArtifacts,
} from './harness.mjs';

const stack = liveStack();
const opts = { skip: stack.skip || false, timeout: 90000 };
const sessions = [];

async function open(path) {
  const { page } = stack.browser;
  await page.goto(`${stack.server.base}${path}`);
  await page.waitForSelector('[data-testid="stream-status"][data-state="open"]', { timeout: 15000 });
  return page;
}

test('empty project: sidebar, Getting Started, station card, empty Results', opts, async () => {
  await withArtifacts('ui_empty', stack.browser, async () => {
    const page = await open('/');
    // Sidebar: the groups and entries of SPEC D; unbuilt ones say "soon".
    const labels = await texts(page, '.nav .nav-item > span:first-child');
    assert.deepEqual(labels, ['Dashboard', 'Launch Test', 'Results', 'Metrics', 'Measurements', 'Events', 'Channels', 'Sessions', 'Stations', 'Products', 'Fixtures', 'Instruments', 'DUTs', 'Tests', 'Profiles', 'Docs']);
    assert.deepEqual(await texts(page, '.nav > .nav-group'), ['Navigation', 'Data', 'Configuration', 'Help']);
    for (const path of ['/launch', '/explore', '/stations', '/docs']) {
      assert.equal(await page.getAttribute(`[data-testid="nav-${path}"]`, 'data-ready'), 'false', path);
      assert.match((await page.textContent(`[data-testid="nav-${path}"]`)) ?? '', /soon/i);
    }
    assert.equal(await page.getAttribute('[data-testid="nav-/"]', 'aria-current'), 'page');
    // No run in flight: no ACTIVE TESTS block.
    assert.equal(await page.isHidden('[data-testid="active-tests"]'), true);

    // Getting Started with the three commands of docs/cli.md.
    await page.waitForSelector('[data-testid="getting-started"]', { timeout: 10000 });
    const cmds = await texts(page, '[data-testid="getting-started"] pre');
    assert.deepEqual(cmds, ['litmus init my_board --starter', 'cd my_board', 'make test']);

    // One card per configured station, from /api/stations.
    const { stations } = await getJson(stack.server.base, '/api/stations');
    await page.waitForSelector('[data-testid="station-card"]');
    assert.equal(await page.locator('[data-testid="station-card"]').count(), stations.length);
    const card = page.locator('[data-testid="station-card"][data-station-id="bench_1"]');
    assert.equal(await card.locator('[data-testid="station-name"]').textContent(), stations[0].name);
    assert.equal(await card.locator('[data-testid="station-status"]').getAttribute('data-status'), 'ready');
    assert.equal(await card.locator('[data-testid="station-description"]').textContent(), stations[0].description);
    assert.match((await card.textContent()) ?? '', /Lab A/);
    assert.equal(await card.locator('[data-testid="start-test"]').getAttribute('href'), '/launch?station=bench_1');
    await page.waitForSelector('[data-testid="recent-empty"]');
    await screenshot(page, 'dashboard-empty');

    // Start Test leads to the Launch entry's "coming" page.
    await card.locator('[data-testid="start-test"]').click();
    await page.waitForSelector('[data-testid="coming-soon"][data-path="/launch"]');
    assert.equal(new URL(page.url()).search, '?station=bench_1');

    // Results: empty state with its call to action.
    await page.click('[data-testid="nav-/results"]');
    await page.waitForSelector('[data-testid="results-empty"]');
    assert.equal(await page.getAttribute('[data-testid="launch-test"]', 'href'), '/launch');
    assert.equal(await page.textContent('[data-testid="stat-total-value"]'), '0');
    assert.equal(await page.textContent('[data-testid="stat-pass-rate-value"]'), '—');
    await screenshot(page, 'results-empty');

    // Unknown paths say so.
    await open('/no/such/view');
    await page.waitForSelector('[data-testid="not-found"]');
  });
});

test('Events: filters in the URL, summaries, JSON on click, keyboard, server errors', opts, async () => {
  await withArtifacts('ui_events', stack.browser, async () => {
    sessions.push((await runTutorial(stack.dataDir, 'tutorial-1')).sessionId);
    sessions.push((await runTutorial(stack.dataDir, 'tutorial-2')).sessionId);
    const page = await open('/events');
    await page.waitForSelector('[data-testid="event-row"]');
    const all = (await getJson(stack.server.base, '/api/events?order=desc&limit=100')).events;
    // Newest first, one row per event, the count says how many.
    const ids = await page.$$eval('[data-testid="event-row"]', (rows) => rows.map((r) => Number(r.getAttribute('data-event-id'))));
    assert.deepEqual(ids, all.map((e) => e.id));
    assert.equal(await page.getAttribute('[data-testid="event-count"]', 'data-count'), String(all.length));

    // Filter by an 8-character session prefix and a type, through the form.
    const sid = sessions[1];
    await page.fill('[data-testid="filter-session_id"]', sid.slice(0, 8));
    await page.fill('[data-testid="filter-type"]', 'instrument.read');
    await page.click('[data-testid="filter-apply"]');
    await page.waitForURL((u) => u.searchParams.get('session_id') === sid.slice(0, 8) && u.searchParams.get('type') === 'instrument.read');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="event-row"]').length === 2);
    const reads = (await getJson(stack.server.base, `/api/events?session_id=${sid}&type=instrument.read&order=desc`)).events;
    const dmm = reads.find((e) => e.role === 'dmm');
    const dmmRow = page.locator(`[data-testid="event-row"][data-event-id="${dmm.id}"]`);
    const summary = (await dmmRow.locator('[data-testid="event-summary"]').textContent()) ?? '';
    assert.match(summary, /^dmm\.measure_voltage → \d/);
    assert.ok(summary.endsWith(` ${dmm.payload.units}`), summary);
    const scope = reads.find((e) => e.role === 'scope');
    assert.equal(await page.locator(`[data-testid="event-row"][data-event-id="${scope.id}"] [data-testid="event-summary"]`).textContent(), `scope.read_waveform → waveform (${scope.payload.value.length} pts)`);

    // Reload keeps the filters, in the URL and in the form.
    await page.reload();
    await page.waitForSelector('[data-testid="event-row"]');
    assert.equal(await page.inputValue('[data-testid="filter-session_id"]'), sid.slice(0, 8));
    assert.equal(await page.inputValue('[data-testid="filter-type"]'), 'instrument.read');
    assert.equal(await page.locator('[data-testid="event-row"]').count(), 2);

    // Row click → its full JSON; keyboard: arrows move, Enter toggles.
    await page.click(`[data-testid="event-row"][data-event-id="${dmm.id}"] [data-testid="event-summary"]`);
    const json = JSON.parse((await page.textContent('[data-testid="event-json"] pre')) ?? '{}');
    assert.equal(json.id, dmm.id);
    assert.equal(json.payload.value, dmm.payload.value);
    await screenshot(page, 'events');
    await page.locator('[data-testid="event-row"]').first().focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'));
    assert.equal(focused, String(reads[1].id));
    // The second row's JSON (opened by the click above) closes, then opens.
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('[data-testid="event-json"]').count(), 0);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('[data-testid="event-json"]').count(), 1);

    // Invalid filters show the server's own message.
    await open('/events?limit=0');
    await page.waitForSelector('[data-testid="events-error"]:not([hidden])');
    const res = await fetch(`${stack.server.base}/api/events?limit=0&order=desc`);
    assert.equal(res.status, 400);
    assert.equal(await page.textContent('[data-testid="events-error"]'), (await res.json()).error);
    await open('/events?session_id=abc');
    await page.waitForSelector('[data-testid="events-error"]:not([hidden])');
    // The session link goes to the session view, which still works.
    await open(`/events?session_id=${sessions[0]}`);
    await page.locator('[data-testid="event-session"]').first().click();
    await page.waitForSelector(`[data-testid="session-detail"][data-session-id="${sessions[0]}"]`);
  });
});

test('Channels: list live in place, detail chart, zoom, waveforms, raw samples', opts, async () => {
  await withArtifacts('ui_channels', stack.browser, async () => {
    // Five captures now, six below: three overlaid, the rest as an envelope.
    for (let i = 3; i <= 5; i++) sessions.push((await runTutorial(stack.dataDir, `tutorial-${i}`)).sessionId);
    const page = await open('/channels');
    await page.waitForSelector('[data-testid="channel-row"][data-channel-id="dmm.voltage"]');
    const { channels } = await getJson(stack.server.base, '/api/channels');
    assert.deepEqual(await page.$$eval('[data-testid="channel-row"]', (r) => r.map((x) => x.getAttribute('data-channel-id'))), channels.map((c) => c.channel_id).sort());
    const dmmSel = '[data-testid="channel-row"][data-channel-id="dmm.voltage"]';
    const dmm = channels.find((c) => c.channel_id === 'dmm.voltage');
    assert.equal(await page.getAttribute(`${dmmSel} [data-testid="channel-latest"]`, 'data-value'), String(dmm.last_value));
    await page.waitForFunction((sel) => Number(document.querySelector(`${sel} [data-testid="sparkline"]`)?.getAttribute('data-points')) === 5, dmmSel);
    await screenshot(page, 'channels');

    // A new read updates the row in place, without a reload.
    await page.evaluate(() => (window.__kept = true));
    // Watched from before the read: checked in the frame the row changes,
    // it is tinted as arriving (ArrivalMarks, cleared on a blink tick), not
    // animated.
    const updated = page.waitForFunction(
      (sel) => {
        const row = document.querySelector(sel);
        return row?.getAttribute('data-count') === '6' && { fresh: row.classList.contains('fresh'), animations: document.getAnimations().length };
      },
      dmmSel,
      { polling: 'raf', timeout: 30000 },
    );
    const sixth = await runTutorial(stack.dataDir, 'tutorial-6');
    sessions.push(sixth.sessionId);
    assert.deepEqual(await (await updated).jsonValue(), { fresh: true, animations: 0 });
    await page.waitForFunction((sel) => !document.querySelector(sel)?.classList.contains('fresh'), dmmSel, { timeout: 5000 });
    const latest = (await getJson(stack.server.base, '/api/channels')).channels.find((c) => c.channel_id === 'dmm.voltage');
    assert.equal(await page.getAttribute(`${dmmSel} [data-testid="channel-latest"]`, 'data-value'), String(latest.last_value));
    assert.equal(await page.evaluate(() => window.__kept), true);

    // Keyboard: Enter on a focused row opens the channel.
    await page.locator(dmmSel).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="channel-detail"][data-channel-id="dmm.voltage"]');
    await page.waitForSelector('[data-testid="channel-chart"] canvas');
    assert.equal(await page.textContent('[data-testid="desc-count"]'), '6');
    // Decimated to the chart's pixel width: the request asked max_points = width.
    const width = await page.$eval('[data-testid="channel-plot"]', (e) => Math.floor(e.clientWidth));
    assert.equal(await page.getAttribute('[data-testid="channel-chart"]', 'data-max-points'), String(Math.max(300, width)));
    assert.equal(await page.locator('[data-testid="raw-row"]').count(), 6);
    await screenshot(page, 'channel-scalar');

    // Zoom: drag over the chart → re-queried with since/until.
    const zoomed = page.waitForRequest((r) => r.url().includes('/api/channels/dmm.voltage') && r.url().includes('since=') && r.url().includes('until='));
    const box = await page.locator('[data-testid="channel-plot"] .u-over').boundingBox();
    await page.mouse.move(box.x + box.width * 0.02, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await zoomed;
    await page.waitForSelector('[data-testid="channel-chart"][data-zoomed="true"]');
    await page.click('[data-testid="zoom-reset"]');
    await page.waitForSelector('[data-testid="channel-chart"][data-zoomed="false"]');

    // Session filter in the URL; reload keeps it.
    await page.fill('[data-testid="filter-session_id"]', sessions[0].slice(0, 8));
    await page.click('[data-testid="filter-apply"]');
    await page.waitForURL((u) => u.searchParams.get('session_id') === sessions[0].slice(0, 8));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="raw-row"]').length === 1);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="raw-row"]').length === 1);
    assert.equal(await page.inputValue('[data-testid="filter-session_id"]'), sessions[0].slice(0, 8));

    // A waveform channel: latest three overlaid, older ones enveloped.
    await open('/channels/scope.ch1');
    await page.waitForSelector('[data-testid="channel-chart"][data-kind="array"] canvas');
    assert.equal(await page.getAttribute('[data-testid="channel-chart"]', 'data-overlaid'), '3');
    assert.equal(await page.getAttribute('[data-testid="channel-chart"]', 'data-enveloped'), '3');
    assert.equal(await page.locator('[data-testid="raw-row"]').count(), 50);
    await page.click('[data-testid="page-next"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="page-range"]')?.textContent?.startsWith('51–100'));
    await screenshot(page, 'channel-waveform');

    await open('/channels/no.such');
    await page.waitForSelector('[data-testid="channel-not-found"]');
  });
});

test('the screens fit 1920x1080 and 1280x800 without horizontal scrolling', opts, async () => {
  await withArtifacts('ui_sizes', stack.browser, async () => {
    const { page } = stack.browser;
    for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size);
      for (const path of ['/', '/events', '/channels', '/channels/dmm.voltage', '/results', `/sessions/${sessions[0]}`]) {
        await open(path);
        await page.waitForTimeout(400);
        await assertNoHorizontalOverflow(page, assert, `${path} at ${size.width}x${size.height}`);
      }
    }
  });
});
