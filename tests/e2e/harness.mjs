// Shared plumbing of the browser tests: start `litmus serve`, run the
// tutorial writer, drive Debian's Chromium through playwright-core (from
// web/node_modules: `npm ci` in web/ is the only install), and keep
// screenshots, page HTML and logs when a test fails.
//
// Inputs (env, or argv for the two binaries):
//   LITMUS_BIN            the `litmus` CLI            (argv[2])
//   LITMUS_TUTORIAL_BIN   build/examples/tutorial     (argv[3])
//   LITMUS_PROJECT        project with stations/bench_1.yaml (default examples/demo)
//   LITMUS_CHROMIUM       browser binary (default /usr/bin/chromium)
//   LITMUS_E2E_ARTIFACTS  where failure artifacts go (default a fresh temp dir)
//   LITMUS_E2E_PROGRAM    tests/e2e/programs/e2e_program (a real test program)
//   LITMUS_E2E_SCREENSHOTS where each screen's screenshot goes (default <artifacts>/screenshots)
//   LITMUS_E2E_UPDATE_DOCS=1  also copy the screenshots to docs/screenshots/

import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { webModule } from '../web/web_module.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');

export const config = {
  litmusBin: process.env.LITMUS_BIN || process.argv[2] || '',
  tutorialBin: process.env.LITMUS_TUTORIAL_BIN || process.argv[3] || '',
  project: process.env.LITMUS_PROJECT || path.join(repoRoot, 'examples/demo'),
  chromium: process.env.LITMUS_CHROMIUM || '/usr/bin/chromium',
  program: process.env.LITMUS_E2E_PROGRAM || '',
};

/** The viewport every screen is designed for (and screenshot at). */
export const VIEWPORT = { width: 1280, height: 800 };

/** Why the suite cannot run here, or '' when it can. */
export function skipReason() {
  if (!config.litmusBin || !fs.existsSync(config.litmusBin)) return `litmus binary not found (LITMUS_BIN='${config.litmusBin}')`;
  if (!config.tutorialBin || !fs.existsSync(config.tutorialBin)) return `tutorial binary not found (LITMUS_TUTORIAL_BIN='${config.tutorialBin}')`;
  if (!fs.existsSync(config.chromium)) return `no browser at ${config.chromium}`;
  return '';
}

/** skipReason(), plus the e2e test program for the run screens. */
export function programSkipReason() {
  const base = skipReason();
  if (base) return base;
  if (!config.program || !fs.existsSync(config.program)) return `e2e test program not found (LITMUS_E2E_PROGRAM='${config.program}')`;
  return '';
}

let artifactsRoot = '';
let failed = false;
/** One folder per test run for logs and failure screenshots. */
export function artifactsDir() {
  if (!artifactsRoot) {
    const base = process.env.LITMUS_E2E_ARTIFACTS;
    if (base) fs.mkdirSync(base, { recursive: true });
    artifactsRoot = fs.mkdtempSync(path.join(base || os.tmpdir(), 'litmus-e2e-'));
  }
  return artifactsRoot;
}

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function writerEnv(dataDir) {
  return { ...process.env, LITMUS_HOME: dataDir, LITMUS_PROJECT: config.project };
}

/**
 * `litmus serve --port <port> --data-dir <dataDir>`, resolved once
 * /api/sessions answers. Output goes to <artifacts>/<name>.log.
 */
export async function startServer({ port, dataDir, name = 'serve' }) {
  const logPath = path.join(artifactsDir(), `${name}.log`);
  const log = fs.openSync(logPath, 'a');
  const proc = spawn(config.litmusBin, ['serve', '--port', String(port), '--data-dir', dataDir], {
    cwd: config.project,
    env: writerEnv(dataDir),
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  let exited = null;
  const exitPromise = new Promise((resolve) => proc.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  for (;;) {
    if (exited) throw new Error(`litmus serve exited early (${JSON.stringify(exited)}); log: ${logPath}`);
    try {
      const res = await fetch(`${base}/api/sessions?limit=1`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`litmus serve did not answer on ${base} within 20 s; log: ${logPath}`);
    }
    await sleep(100);
  }
  return {
    base,
    logPath,
    async stop() {
      if (exited) return exited;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      const r = await exitPromise;
      clearTimeout(timer);
      return r;
    },
  };
}

/** Runs the tutorial writer to completion; returns its session id. */
export function runTutorial(dataDir, name = 'tutorial') {
  return new Promise((resolve, reject) => {
    const proc = spawn(config.tutorialBin, [], { cwd: config.project, env: writerEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      fs.writeFileSync(path.join(artifactsDir(), `${name}.log`), `exit ${code}\n--- stdout\n${out}\n--- stderr\n${err}\n`);
      const m = /Session ID:\s*(\S+)/.exec(out);
      if (code !== 0 || !m) reject(new Error(`tutorial failed (exit ${code}):\n${out}\n${err}`));
      else resolve({ sessionId: m[1], stdout: out });
    });
  });
}

export async function getJson(base, pathAndQuery) {
  const res = await fetch(base + pathAndQuery);
  if (!res.ok) throw new Error(`GET ${pathAndQuery}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Headless Chromium with a fresh profile; never downloads a browser. */
export async function launchBrowser() {
  const require = createRequire(path.join(repoRoot, 'web/package.json'));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    throw new Error(`playwright-core not installed: run scripts/bootstrap.sh (npm ci in web/)\n${e.message}`);
  }
  const profile = tempDir('litmus-e2e-profile-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: config.chromium,
    headless: true,
    viewport: VIEWPORT,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Chromium 156 in headless mode keeps its omnibox popup (a WebUI page,
      // chrome://omnibox-popup.top-chrome/) in a renderer of its own that can
      // reload its scripts over and over, taking CPU from the page under test
      // on a 2-core machine (bench/ui_bench.mjs, BENCHMARKS §12). It is the
      // browser's own UI, not Litmus: the feature flag drops most of it and
      // closing the remaining browser_ui target below the rest.
      '--disable-features=WebUIOmniboxPopup',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    // A persistent context has no browser-level CDP session; the page's
    // session lists and closes the browser's other targets as well.
    const cdp = await context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    for (const t of targetInfos) if (t.type === 'browser_ui') await cdp.send('Target.closeTarget', { targetId: t.targetId });
    await cdp.detach();
  } catch {
    // An older Chromium without such targets (or the Target domain): nothing to close.
  }
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.stack || e.message}`));
  return {
    context,
    page,
    consoleLines,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `body`; on failure keeps a screenshot, the page's HTML and console,
 * prints where they are, and rethrows.
 */
export async function withArtifacts(name, browser, body) {
  try {
    return await body();
  } catch (err) {
    failed = true;
    const dir = artifactsDir();
    const shot = path.join(dir, `${name}.png`);
    try {
      await browser.page.screenshot({ path: shot, fullPage: true });
      fs.writeFileSync(path.join(dir, `${name}.html`), await browser.page.content());
    } catch (e) {
      fs.writeFileSync(path.join(dir, `${name}.screenshot-error.txt`), String(e));
    }
    fs.writeFileSync(path.join(dir, `${name}.console.txt`), browser.consoleLines.join('\n'));
    console.error(`e2e failure artifacts (screenshot, HTML, console, server and tutorial logs): ${dir}`);
    throw err;
  }
}

/**
 * Removes the data dir, and the artifacts when every test passed (their
 * logs are kept after a failure, or always with LITMUS_E2E_KEEP=1).
 */
export function cleanup(dataDir) {
  if (process.env.LITMUS_E2E_KEEP) return;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (!failed && artifactsRoot) fs.rmSync(artifactsRoot, { recursive: true, force: true });
}

/**
 * Registers before/after hooks that give a test file a fresh data dir, a
 * `litmus serve` on a free port and a browser. The returned object is
 * filled in by `before`; `restart()` brings the server back on the same
 * port and data dir.
 */
export function liveStack({ prepare, needsProgram = false } = {}) {
  const stack = { skip: needsProgram ? programSkipReason() : skipReason(), dataDir: '', port: 0, server: null, browser: null, starts: 0 };
  stack.startServer = async () => {
    stack.starts += 1;
    stack.server = await startServer({ port: stack.port, dataDir: stack.dataDir, name: `serve-${stack.starts}` });
    return stack.server;
  };
  before(async () => {
    if (stack.skip) return;
    stack.dataDir = tempDir('litmus-e2e-data-');
    if (prepare) await prepare(stack.dataDir);
    stack.port = await freePort();
    await stack.startServer();
    stack.browser = await launchBrowser();
  });
  after(async () => {
    await stack.browser?.close();
    await stack.server?.stop();
    cleanup(stack.dataDir);
  });
  return stack;
}

/** CSS selector of a session's detail panel. */
export const detailSel = (sessionId) => `[data-testid="session-detail"][data-session-id="${sessionId}"]`;
export const rowSel = (sessionId) => `[data-testid="session-row"][data-session-id="${sessionId}"]`;

/** Resolves with the browser's Date.now() when `selector` first matches. */
export function appearedAt(page, selector, timeout) {
  return page
    .waitForFunction((sel) => (document.querySelector(sel) ? Date.now() : 0), selector, { polling: 16, timeout })
    .then((h) => h.jsonValue());
}

/** Runs a litmus subcommand to completion; resolves with its stdout. */
export function runLitmus(args, { name = 'litmus', env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(config.litmusBin, args, { cwd: config.project, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      fs.writeFileSync(path.join(artifactsDir(), `${name}.log`), `litmus ${args.join(' ')}\nexit ${code}\n--- stdout\n${out}\n--- stderr\n${err}\n`);
      if (code !== 0) reject(new Error(`litmus ${args.join(' ')} failed (exit ${code}):\n${out}\n${err}`));
      else resolve(out);
    });
  });
}

/** Fills an empty data dir with synthetic runs (`litmus generate-data`). */
export function generateData(dataDir, { runs, measurements, seed = 7 }) {
  return runLitmus(['generate-data', '--data-dir', dataDir, '--runs', String(runs), '--measurements', String(measurements), '--seed', String(seed)], { name: 'generate-data' });
}

let programRuns = 0;
/**
 * Starts the e2e test program (tests/e2e/programs/e2e_program.cpp) against
 * the demo project and `dataDir`. It holds its run in flight at the step
 * Gate/Hold until `openGate()`; with `fail` its last verify fails.
 * Returns { openGate(), done: Promise<{code, stdout, stderr}> }.
 */
export function startProgram(dataDir, { serial = 'SN-E2E-1', partNumber = 'PN-E2E', fail = false, gate = true } = {}) {
  programRuns += 1;
  const name = `program-${programRuns}`;
  const gateFile = path.join(tempDir('litmus-e2e-gate-'), 'open');
  const env = { ...writerEnv(dataDir), LITMUS_OPERATOR: 'e2e-operator', LITMUS_MOCK_INSTRUMENTS: '1' };
  if (gate) env.LITMUS_E2E_GATE = gateFile;
  if (fail) env.LITMUS_E2E_FAIL = '1';
  else delete env.LITMUS_E2E_FAIL;
  const proc = spawn(config.program, [`--dut-serial=${serial}`, `--dut-part-number=${partNumber}`], { cwd: config.project, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (err += d));
  const done = new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.on('exit', (code) => {
      fs.writeFileSync(path.join(artifactsDir(), `${name}.log`), `exit ${code}\n--- stdout\n${out}\n--- stderr\n${err}\n`);
      fs.rmSync(path.dirname(gateFile), { recursive: true, force: true });
      resolve({ code, stdout: out, stderr: err });
    });
  });
  return {
    openGate() {
      try {
        fs.writeFileSync(gateFile, 'open\n');
      } catch {
        // The program already ended (and its gate dir went with it).
      }
    },
    kill() {
      proc.kill('SIGKILL');
    },
    done,
  };
}

/** Waits until `fn()` (async) returns a truthy value; returns it. */
export async function until(fn, { timeout = 15000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
}

/**
 * Saves a screenshot of the current screen (viewport, 1280x800) as a test
 * artifact; with LITMUS_E2E_UPDATE_DOCS=1 also as docs/screenshots/<name>.png.
 */
export async function screenshot(page, name) {
  const dir = process.env.LITMUS_E2E_SCREENSHOTS || path.join(artifactsDir(), 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  // Let arrival highlights fade and charts settle.
  await page.waitForTimeout(1300);
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.LITMUS_E2E_UPDATE_DOCS) {
    const docs = path.join(repoRoot, 'docs/screenshots');
    fs.mkdirSync(docs, { recursive: true });
    fs.copyFileSync(file, path.join(docs, `${name}.png`));
  }
  return file;
}

/** Text of every element matching `selector`, trimmed. */
export function texts(page, selector) {
  return page.$$eval(selector, (els) => els.map((e) => (e.textContent || '').trim()));
}

/** Resolves once the page has no horizontal scrollbar at its current size. */
export async function assertNoHorizontalOverflow(page, assert, label) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client + 1, `${label}: page scrolls horizontally (${scroll} > ${client})`);
  // Nor does any table inside its panel.
  const wide = await page.$$eval('.scroll', (els) =>
    els.filter((e) => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1).map((e) => `${e.querySelector('table')?.getAttribute('data-testid') ?? e.className} (${e.scrollWidth} > ${e.clientWidth})`),
  );
  assert.deepEqual(wide, [], `${label}: tables scroll horizontally`);
}
