import './styles/app.css';
import { createShell } from './layout';
import { live } from './live';
import { notFoundPage } from './pages/not-found';
import { sessionsPage } from './pages/sessions';
import { Router } from './router';

const shell = createShell(document.getElementById('app')!);
live.onState((s) => shell.setStreamState(s));

const router = new Router(shell.main, notFoundPage)
  .add('/', sessionsPage)
  .add('/sessions/:id', sessionsPage);
router.onNavigate((path) => shell.setActive(path));

// Fix the stream's starting point before any page fetches its data, so
// nothing emitted in between is missed (see live.start()).
void live.start().finally(() => router.start());
