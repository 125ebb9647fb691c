// The tab's live stream survives a server restart: events written while the
// server was down (test processes do not need it) show up once it is back,
// resumed from the last event id, without reloading the page.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  detailSel,
  getJson,
  liveStack,
  rowSel,
  runTutorial,
  withArtifacts,
} from './harness.mjs';

const stack = liveStack();

test('the page reconnects after a server restart and shows what happened meanwhile', { skip: stack.skip || false, timeout: 120000 }, async () => {
  await withArtifacts('reconnect', stack.browser, async () => {
    const { page } = stack.browser;
    await page.goto(`${stack.server.base}/sessions`);
    await page.waitForSelector('[data-testid="stream-status"][data-state="open"]', { timeout: 15000 });

    const first = await runTutorial(stack.dataDir, 'tutorial-1');
    await page.waitForSelector(`${detailSel(first.sessionId)} [data-testid="read-row"][data-role="dmm"]`, { timeout: 15000 });
    // Survives only if the page is never reloaded.
    await page.evaluate(() => ((window).__litmusE2eMarker = 'kept'));

    await stack.server.stop();
    await page.waitForSelector('[data-testid="stream-status"][data-state="reconnecting"]', { timeout: 15000 });

    // Written with no server running.
    const second = await runTutorial(stack.dataDir, 'tutorial-2');

    const server = await stack.startServer();
    await page.waitForSelector('[data-testid="stream-status"][data-state="open"]', { timeout: 20000 });

    // On "/sessions" the selection follows the newest session: the one written
    // while the server was down.
    await page.waitForSelector(rowSel(second.sessionId), { timeout: 15000 });
    const dmmSel = `${detailSel(second.sessionId)} [data-testid="read-row"][data-role="dmm"] [data-testid="read-value"]`;
    await page.waitForSelector(dmmSel, { timeout: 15000 });
    const { events } = await getJson(server.base, `/api/events?session_id=${second.sessionId}&type=instrument.read&order=asc`);
    const dmmRead = events.find((e) => e.role === 'dmm' && typeof e.payload.value === 'number');
    assert.ok(dmmRead, 'no DMM read stored for the second session');
    assert.equal(await page.locator(dmmSel).first().getAttribute('data-value'), String(dmmRead.payload.value));
    await page.waitForSelector(`${rowSel(second.sessionId)} [data-testid="status-badge"]:not([data-status="live"])`, { timeout: 15000 });

    // Both sessions listed, each once.
    assert.equal(await page.locator(rowSel(first.sessionId)).count(), 1);
    assert.equal(await page.locator(rowSel(second.sessionId)).count(), 1);
    // No event shown twice across the reconnect.
    const ids = await page.$$eval(`${detailSel(second.sessionId)} [data-testid="read-row"]`, (rows) => rows.map((r) => r.getAttribute('data-event-id')));
    assert.equal(new Set(ids).size, ids.length, `duplicate read rows: ${ids}`);
    assert.equal(await page.evaluate(() => (window).__litmusE2eMarker), 'kept', 'the page was reloaded');
  });
});
