// The blink clock (web/src/blink.ts) on a simulated clock: it blinks every
// 700 ms on a quiet page; a stream event it is told of (blinkWithChange)
// takes a tick that is nearly due into the event's own frame, so a page
// following a run at one event a second makes no frame for the blink
// alone; it never blinks faster than every 600 ms however fast events
// come; and with reduced motion it never dims, while the handlers (the
// end of rows' tint) still run.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webModule } from './web_module.mjs';

/** A fake window/document/performance on a clock the test moves. */
function fakePage({ reducedMotion = false } = {}) {
  const page = { now: 0, timers: [], classes: new Set(), toggles: [] };
  let nextId = 1;
  const classList = {
    toggle: (c) => {
      page.toggles.push(page.now);
      if (page.classes.has(c)) page.classes.delete(c);
      else page.classes.add(c);
    },
    remove: (c) => page.classes.delete(c),
    contains: (c) => page.classes.has(c),
  };
  globalThis.window = {
    setTimeout: (fn, ms) => {
      const id = nextId++;
      page.timers.push({ id, at: page.now + ms, fn });
      return id;
    },
    clearTimeout: (id) => (page.timers = page.timers.filter((t) => t.id !== id)),
    matchMedia: () => ({ matches: reducedMotion }),
  };
  globalThis.document = { documentElement: { classList } };
  Object.defineProperty(globalThis, 'performance', { value: { now: () => page.now }, configurable: true, writable: true });
  /** Moves the clock to `to`, firing the timers due on the way. */
  page.advance = (to) => {
    for (;;) {
      const due = page.timers.filter((t) => t.at <= to).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      page.timers = page.timers.filter((t) => t !== due);
      page.now = due.at;
      due.fn();
    }
    page.now = to;
  };
  return page;
}

const gaps = (times) => times.slice(1).map((t, i) => t - times[i]);

test('a quiet page blinks every 700 ms', async () => {
  const page = fakePage();
  const blink = await webModule('blink.ts', 'quiet');
  blink.startBlink();
  page.advance(7000);
  assert.equal(page.toggles.length, 10);
  assert.deepEqual(new Set(gaps(page.toggles)), new Set([700]));
});

test('at one event a second, every blink shares an event\'s frame', async () => {
  const page = fakePage();
  const blink = await webModule('blink.ts', 'one-a-second');
  blink.startBlink();
  let shared = 0;
  for (let t = 1000; t <= 20000; t += 1000) {
    page.advance(t);
    const before = page.toggles.length;
    blink.blinkWithChange();
    shared += page.toggles.length - before;
  }
  // The first event came 300 ms after a tick: too soon to share one. From
  // the second on, every tick came with an event, and none between.
  assert.deepEqual(page.toggles, [700, 1400, ...Array.from({ length: 19 }, (_, i) => 1000 * (i + 2))]);
  assert.equal(shared, 19);
});

test('at twenty events a second, it blinks no faster than every 600 ms', async () => {
  const page = fakePage();
  const blink = await webModule('blink.ts', 'twenty-a-second');
  blink.startBlink();
  for (let t = 0; t <= 10000; t += 50) {
    page.advance(t);
    blink.blinkWithChange();
  }
  assert.ok(page.toggles.length >= 14, `${page.toggles.length} ticks in 10 s`);
  assert.ok(Math.min(...gaps(page.toggles)) >= 600, `ticks ${gaps(page.toggles)} ms apart`);
});

test('with reduced motion nothing dims, and the tick handlers still run', async () => {
  const page = fakePage({ reducedMotion: true });
  const blink = await webModule('blink.ts', 'reduced');
  blink.startBlink();
  let ticks = 0;
  blink.onBlinkTick(() => (ticks += 1));
  page.advance(3500);
  blink.blinkWithChange();
  assert.equal(ticks, 5);
  assert.equal(page.toggles.length, 0);
  assert.equal(page.classes.size, 0);
});
