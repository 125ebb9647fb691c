import './styles/app.css';
import { startBlink } from './blink';
import { afterNextFrame } from './dom';
import { createShell } from './layout';
import { live } from './live';
import { COMING_SOON } from './nav';
import { comingSoonPage } from './pages/coming-soon';
import { dashboardPage } from './pages/dashboard';
import { liveRunPage } from './pages/live-run';
import { notFoundPage } from './pages/not-found';
import { resultDetailPage } from './pages/result-detail';
import { resultsPage } from './pages/results';
import { lazyPage, Router } from './router';

// The run screens (issue 5's first-paint and live goals), the dashboard
// and the results list are in the main bundle; the other screens, and
// with them the chart library (uPlot), load on first use.
const sessionsPage = lazyPage(() => import('./pages/sessions').then((m) => m.sessionsPage));
const metricsPage = lazyPage(() => import('./pages/metrics').then((m) => m.metricsPage));
const eventsPage = lazyPage(() => import('./pages/events').then((m) => m.eventsPage));
const channelsPage = lazyPage(() => import('./pages/channels').then((m) => m.channelsPage));
const channelDetailPage = lazyPage(() => import('./pages/channel-detail').then((m) => m.channelDetailPage));

const shell = createShell(document.getElementById('app')!);
startBlink();
live.onState((s) => shell.setStreamState(s));

const router = new Router(shell.main, notFoundPage)
  .add('/', dashboardPage)
  .add('/sessions', sessionsPage)
  .add('/sessions/:id', sessionsPage)
  .add('/live/:id', liveRunPage)
  .add('/results', resultsPage)
  .add('/results/:id', resultDetailPage)
  .add('/metrics', metricsPage)
  .add('/events', eventsPage)
  .add('/channels', channelsPage)
  .add('/channels/:id', channelDetailPage);
for (const item of COMING_SOON) router.add(item.path, comingSoonPage);
router.onNavigate((path) => shell.setActive(path));

// Fix the stream's starting point before any page fetches its data, so
// nothing emitted in between is missed (see live.start()).
void live.start().finally(() => {
  router.start();
  // index.html's font warm-up: laid out with the shell's first frame (the
  // page's requests are out by now), then gone; the fonts it looked up
  // stay cached in the renderer.
  const warmup = document.getElementById('font-warmup');
  if (warmup) {
    warmup.hidden = false;
    afterNextFrame(() => warmup.remove());
  }
});
