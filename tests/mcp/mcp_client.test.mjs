// `litmus mcp` driven by a client nobody here wrote: the official MCP
// TypeScript SDK (@modelcontextprotocol/sdk, installed in web/ by the
// bootstrap) spawns it over stdio, lists the tools, compiles every input
// schema with Ajv, and calls each tool against a store seeded by
// mcp_seed_store; then malformed JSON-RPC, unknown tools and wrong argument
// types, raw and through the SDK.
//
//   LITMUS_BIN        the `litmus` CLI
//   LITMUS_MCP_SEED   build/tests/mcp/mcp_seed_store

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '../../web');
const require = createRequire(path.join(web, 'package.json'));
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StdioClientTransport } = require('@modelcontextprotocol/sdk/client/stdio.js');
const { McpError } = require('@modelcontextprotocol/sdk/types.js');
const Ajv = require('ajv');

const litmus = process.env.LITMUS_BIN;
const seed = process.env.LITMUS_MCP_SEED;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'litmus-mcp-'));
let runIds = [];
let client;

before(async () => {
  runIds = execFileSync(seed, [dataDir], { encoding: 'utf8' }).trim().split('\n');
  assert.equal(runIds.length, 3);
  client = new Client({ name: 'litmus-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: litmus, args: ['mcp', '--data-dir', dataDir], stderr: 'pipe' }));
});

after(async () => {
  await client?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The tool's answer: structured content, which equals its text content. */
async function call(name, args = {}) {
  const result = await client.callTool({ name, arguments: args });
  assert.ok(!result.isError, `${name} failed: ${result.content?.[0]?.text}`);
  assert.deepEqual(JSON.parse(result.content[0].text), result.structuredContent);
  return result.structuredContent;
}

async function rejects(name, args, code, text) {
  await assert.rejects(client.callTool({ name, arguments: args }), (error) => {
    assert.ok(error instanceof McpError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, text);
    return true;
  });
}

test('the server introduces itself and lists eight tools with valid schemas', async () => {
  assert.equal(client.getServerVersion().name, 'litmus');
  assert.ok(client.getServerCapabilities().tools);
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), [
    'litmus_channels', 'litmus_compare', 'litmus_events', 'litmus_measurements', 'litmus_metrics', 'litmus_runs',
    'litmus_sessions', 'litmus_steps',
  ]);
  const ajv = new Ajv({ strict: true });
  for (const tool of tools) {
    assert.equal(tool.inputSchema.type, 'object', tool.name);
    assert.ok(tool.description.length > 20, tool.name);
    ajv.compile(tool.inputSchema);  // throws on an invalid schema
  }
});

test('runs, steps, measurements and sessions', async () => {
  const list = await call('litmus_runs', { action: 'list', sort: 'started', order: 'asc' });
  assert.equal(list.total, 3);
  assert.deepEqual(list.runs.map((r) => r.run_id), runIds);
  assert.equal(list.stats.failed, 1);
  assert.equal((await call('litmus_runs', { since: '2000-01-01' })).total, 3);
  assert.equal((await call('litmus_runs', { until: '2000-01-01T00:00:00Z' })).total, 0);

  const one = await call('litmus_runs', { action: 'get', run_id: runIds[0].slice(0, 8) });
  assert.equal(one.run_id, runIds[0]);
  assert.equal(one.outcome, 'failed');

  const steps = await call('litmus_steps', { run_id: runIds[0] });
  assert.equal(steps.steps[0].step_path, 'Power/Rail');
  assert.equal(steps.steps[0].outcome, 'failed');

  const measurements = await call('litmus_measurements', { run_id: runIds[1] });
  assert.equal(measurements.measurements[0].name, 'v_rail');
  assert.equal(measurements.measurements[0].value, 3.31);

  const sessions = await call('litmus_sessions', { limit: 2 });
  assert.equal(sessions.sessions.length, 2);
});

test('events and channels', async () => {
  const events = await call('litmus_events', { event_type: 'test.measurement', limit: 10 });
  assert.equal(events.events.length, 3);
  assert.ok(events.events.every((e) => e.type === 'test.measurement'));
  const newest = await call('litmus_events', { limit: 5 });
  const ids = newest.events.map((e) => e.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
  const channels = await call('litmus_channels');
  assert.ok(Array.isArray(channels.channels));
});

test('metrics and compare', async () => {
  const summary = await call('litmus_metrics', { action: 'summary' });
  assert.equal(summary.runs, 3);
  assert.equal(summary.first_pass_yield, 0.5);  // B; A failed first
  assert.equal(summary.final_yield, 1);
  const pareto = await call('litmus_metrics', { action: 'pareto', group_by: 'measurement' });
  assert.equal(pareto.rows[0].label, 'Power/Rail: v_rail');
  const loss = await call('litmus_metrics', { action: 'time_loss', period: 'week' });
  assert.equal(loss.metric, 'time-loss');

  const diff = await call('litmus_compare', { run_a: runIds[0], run_b: runIds[1] });
  assert.deepEqual(diff.differences.run.map((d) => d.field), ['outcome']);
  assert.equal(diff.differences.steps[0].a, 'failed');
  assert.equal(diff.differences.steps[0].b, 'passed');
  const m = diff.differences.measurements[0];
  assert.deepEqual(m.changed, ['value', 'outcome']);
  assert.ok(Math.abs(m.delta - (3.31 - 3.5)) < 1e-12);
  const dmm = diff.differences.instruments.find((i) => i.role === 'dmm');
  assert.ok(dmm.changed.includes('identity'), JSON.stringify(dmm));
});

test('a run that does not exist is a tool error the model can read', async () => {
  const result = await client.callTool({ name: 'litmus_steps', arguments: { run_id: 'ffffffff' } });
  assert.equal(result.isError, true);
  assert.match(result.content[0].text, /run not found/);
});

test('unknown tools and bad arguments are invalid params naming the argument', async () => {
  await rejects('litmus_nothing', {}, -32602, /unknown tool: litmus_nothing/);
  await rejects('litmus_runs', { limit: 'ten' }, -32602, /argument 'limit' must be a non-negative integer/);
  await rejects('litmus_runs', { colour: 'red' }, -32602, /unknown argument 'colour'/);
  await rejects('litmus_runs', { since: 'soon' }, -32602, /'since'/);
  await rejects('litmus_metrics', {}, -32602, /argument 'action' is required/);
  await rejects('litmus_metrics', { action: 'yield' }, -32602, /expected one of summary/);
  await rejects('litmus_runs', { action: 'get' }, -32602, /needs run_id/);
  await rejects('litmus_events', { since: 'yesterday' }, -32602, /since/);
});

test('malformed JSON-RPC gets JSON-RPC errors, and the server goes on', async () => {
  const proc = spawn(litmus, ['mcp', '--data-dir', dataDir], { stdio: ['pipe', 'pipe', 'ignore'] });
  const lines = [];
  let buffer = '';
  proc.stdout.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(buffer.slice(0, nl)));
      buffer = buffer.slice(nl + 1);
    }
  });
  const done = new Promise((resolve) => proc.on('close', resolve));
  proc.stdin.end([
    '{not json',
    '[1, 2]',
    '{"jsonrpc": "2.0", "id": 1, "method": "no/such"}',
    '{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": []}',
    '{"jsonrpc": "2.0", "id": 3, "method": "ping"}',
    '{"jsonrpc": "2.0", "method": "notifications/initialized"}',
    '',
  ].join('\n'));
  await done;
  assert.deepEqual(lines.map((l) => l.error?.code ?? 'ok'), [-32700, -32600, -32601, -32602, 'ok']);
  assert.equal(lines[4].id, 3);
});
