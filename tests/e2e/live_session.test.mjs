// The live sessions view follows a session as it is written: the tutorial
// (one mock DMM read, one scope waveform) runs while the page is open, and
// the page must show the session, its DMM value within 1 s of the read, its
// waveform chart and finally its outcome — without a reload.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appearedAt,
  detailSel,
  getJson,
  liveStack,
  rowSel,
  runTutorial,
  withArtifacts,
} from './harness.mjs';

// Emit-to-screen budget. The event's ts is taken before it is stored, so
// this bounds store→stream→render from above.
const LATENCY_MS = Number(process.env.LITMUS_E2E_LATENCY_MS || 1000);
const stack = liveStack();

test('a new session appears live with its DMM read, waveform and outcome', { skip: stack.skip || false, timeout: 90000 }, async () => {
  await withArtifacts('live_session', stack.browser, async () => {
    const { page } = stack.browser;
    const server = stack.server;
    await page.goto(`${server.base}/sessions`);
    await page.waitForSelector('[data-testid="stream-status"][data-state="open"]', { timeout: 15000 });
    // The empty project shows its empty state, not an error.
    await page.waitForSelector('[data-testid="no-sessions"]', { timeout: 10000 });

    const run = runTutorial(stack.dataDir);
    // Start watching before the writer can get far: the row's arrival time is
    // taken in the page, on the same clock as the event's ts.
    const sessionRowAt = page.waitForSelector('[data-testid="session-row"]', { timeout: 20000 });
    const dmmRowSel = '[data-testid="session-detail"] [data-testid="read-row"][data-role="dmm"]';
    const dmmShownAt = appearedAt(page, dmmRowSel, 20000);
    const { sessionId } = await run;
    await sessionRowAt;
    const shownAt = await dmmShownAt;

    // The row is this session's, in the list and selected in the detail.
    await page.waitForSelector(rowSel(sessionId));
    await page.waitForSelector(detailSel(sessionId));

    const { events } = await getJson(server.base, `/api/events?session_id=${sessionId}&type=instrument.read&order=asc`);
    const dmmRead = events.find((e) => e.role === 'dmm' && typeof e.payload.value === 'number');
    assert.ok(dmmRead, `no numeric DMM read stored for ${sessionId}: ${JSON.stringify(events)}`);

    const cell = page.locator(`${detailSel(sessionId)} [data-testid="read-row"][data-event-id="${dmmRead.id}"] [data-testid="read-value"]`);
    assert.equal(await cell.getAttribute('data-value'), String(dmmRead.payload.value));
    const text = (await cell.textContent()) ?? '';
    if (dmmRead.payload.units) assert.match(text, new RegExp(`\\b${dmmRead.payload.units}\\b`));

    const latency = shownAt - dmmRead.ts / 1e6;
    console.log(`DMM read on screen ${latency.toFixed(0)} ms after it was emitted`);
    assert.ok(latency < LATENCY_MS, `DMM read took ${latency.toFixed(0)} ms to show (budget ${LATENCY_MS} ms)`);

    // Metadata and instruments come from the session and its events.
    const session = await getJson(server.base, `/api/sessions/${sessionId}`);
    assert.equal(await page.locator(`${detailSel(sessionId)} [data-testid="meta-station"]`).textContent(), session.station);
    await page.waitForSelector(`${detailSel(sessionId)} [data-testid="instrument-row"][data-role="dmm"]`);
    await page.waitForSelector(`${detailSel(sessionId)} [data-testid="instrument-row"][data-role="scope"]`);

    // The waveform is fetched from the channel store and drawn by uPlot.
    const chart = page.locator(`${detailSel(sessionId)} [data-testid="waveform-chart"]`).first();
    await chart.locator('canvas').waitFor({ timeout: 10000 });
    assert.ok(Number(await chart.getAttribute('data-points')) > 1, 'waveform chart has no points');

    // The outcome replaces the LIVE badge once session.ended arrives.
    await page.waitForSelector(`${rowSel(sessionId)} [data-testid="status-badge"]:not([data-status="live"])`, { timeout: 15000 });
    const expected = (await getJson(server.base, `/api/sessions/${sessionId}`)).outcome;
    assert.equal(await page.locator(`${detailSel(sessionId)} [data-testid="session-status"] [data-testid="status-badge"]`).getAttribute('data-status'), expected);

    // Opened afterwards, the session's reads come from its history: none is
    // tinted as arriving, and nothing animates (a CSS animation per row
    // would make the browser draw every frame while rows keep coming).
    await page.goto(`${server.base}/sessions/${sessionId}`);
    const settled = await page.waitForFunction(
      (sel) => {
        const rows = document.querySelectorAll(`${sel} [data-testid="read-row"]`);
        return rows.length > 0 && { fresh: document.querySelectorAll(`${sel} [data-testid="read-row"].fresh`).length, animations: document.getAnimations().length };
      },
      detailSel(sessionId),
      { polling: 'raf', timeout: 10000 },
    );
    assert.deepEqual(await settled.jsonValue(), { fresh: 0, animations: 0 });
  });
});
