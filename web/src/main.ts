import './styles/app.css';
import { createShell } from './layout';
import { live } from './live';
import { COMING_SOON } from './nav';
import { channelDetailPage } from './pages/channel-detail';
import { channelsPage } from './pages/channels';
import { comingSoonPage } from './pages/coming-soon';
import { dashboardPage } from './pages/dashboard';
import { eventsPage } from './pages/events';
import { liveRunPage } from './pages/live-run';
import { metricsPage } from './pages/metrics';
import { notFoundPage } from './pages/not-found';
import { resultDetailPage } from './pages/result-detail';
import { resultsPage } from './pages/results';
import { sessionsPage } from './pages/sessions';
import { Router } from './router';

const shell = createShell(document.getElementById('app')!);
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
void live.start().finally(() => router.start());
