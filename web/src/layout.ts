// The application shell: sidebar (brand, ACTIVE TESTS, navigation, stream
// status) and the main area the router renders into.

import { activeTestsBlock } from './components/active-tests';
import { fill, h } from './dom';
import type { StreamState } from './live';
import { NAV, navPathFor } from './nav';

export interface Shell {
  main: HTMLElement;
  setActive(path: string): void;
  setStreamState(state: StreamState): void;
}

const STATE_LABEL: Record<StreamState, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
};

export function createShell(app: HTMLElement): Shell {
  const links = new Map<string, HTMLElement>();
  const nav = h('nav', { class: 'nav', 'aria-label': 'Main' });
  for (const group of NAV) {
    nav.append(h('div', { class: 'nav-group' }, group.title));
    for (const item of group.items) {
      const el = h(
        'a',
        {
          href: item.path,
          class: `nav-item${item.ready ? '' : ' soon'}`,
          'data-testid': `nav-${item.path}`,
          'data-ready': item.ready ? 'true' : 'false',
          title: item.ready ? null : 'Coming soon',
        },
        h('span', {}, item.label),
        item.ready ? null : h('span', { class: 'soon-tag' }, 'soon'),
      );
      links.set(item.path, el);
      nav.append(el);
    }
  }
  const status = h('div', { class: 'stream-status', 'data-testid': 'stream-status' });
  const main = h('main', { class: 'main', 'data-testid': 'main' });
  app.append(
    h(
      'aside',
      { class: 'sidebar' },
      h('a', { href: '/', class: 'brand' }, h('span', { class: 'brand-mark' }), 'Litmus'),
      activeTestsBlock(),
      nav,
      status,
    ),
    main,
  );
  return {
    main,
    setActive(path) {
      const active = navPathFor(path);
      for (const [p, el] of links) {
        el.classList.toggle('active', p === active);
        if (p === active) el.setAttribute('aria-current', 'page');
        else el.removeAttribute('aria-current');
      }
    },
    setStreamState(state) {
      status.dataset.state = state;
      fill(status, h('i', { class: 'dot' }), STATE_LABEL[state]);
    },
  };
}
