// `litmus show RUN -f html` opened in headless Chromium (playwright-core
// from web/node_modules, Debian's chromium): the page renders on its own
// (no network), shows the run, its outcome and its tables, and marks the
// failing measurement.
//
//   LITMUS_BIN, LITMUS_MCP_SEED (the seeding program), LITMUS_CHROMIUM

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.resolve(here, '../../web/package.json'));
const { chromium } = require('playwright-core');

test('the HTML report renders the run in a browser, offline', async () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'litmus-report-'));
  try {
    const runs = execFileSync(process.env.LITMUS_MCP_SEED, [data], { encoding: 'utf8' }).trim().split('\n');
    const html = execFileSync(process.env.LITMUS_BIN, ['show', runs[0].slice(0, 8), '-f', 'html', '--data-dir', data], {
      encoding: 'utf8',
    });
    const file = path.join(data, 'report.html');
    fs.writeFileSync(file, html);

    const browser = await chromium.launch({
      executablePath: process.env.LITMUS_CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`file://${file}`);
      assert.equal(await page.title(), 'tests — A — failed');
      assert.equal(await page.textContent('#outcome'), 'failed');
      assert.match(await page.textContent('#run'), new RegExp(runs[0]));
      const measurements = page.locator('#measurements tbody tr');
      assert.equal(await measurements.count(), 1);
      assert.equal(await measurements.first().getAttribute('class'), 'failed');
      assert.match(await measurements.first().innerText(), /v_rail\s+3\.5\s+V\s+3\.2\s+3\.4/);
      assert.match(await page.textContent('#instruments'), /TCPIP::10\.0\.0\.5::5025::SOCKET/);
      assert.match(await page.textContent('#instruments'), /2027-01-31/);
      // The failing row stands out: its background is not the page's.
      const background = await measurements.first().locator('td').first().evaluate((td) => getComputedStyle(td).backgroundColor);
      assert.notEqual(background, 'rgba(0, 0, 0, 0)');
      assert.deepEqual(requests, [`file://${file}`]);  // self-contained
      assert.deepEqual(errors, []);
      if (process.env.LITMUS_E2E_ARTIFACTS) {
        fs.mkdirSync(process.env.LITMUS_E2E_ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(process.env.LITMUS_E2E_ARTIFACTS, 'html-report.png'), fullPage: true });
      }
    } finally {
      await browser.close();
    }
  } finally {
    fs.rmSync(data, { recursive: true, force: true });
  }
});
