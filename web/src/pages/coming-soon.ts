// Screens of SPEC D not built yet: a page saying what each will show, so a
// sidebar entry never leads nowhere.

import { h } from '../dom';
import { COMING_SOON } from '../nav';
import type { Page } from '../router';

export const comingSoonPage: Page = (root) => {
  const path = '/' + (location.pathname.split('/')[1] ?? '');
  const item = COMING_SOON.find((i) => i.path === path);
  document.title = `${item?.label ?? 'Coming soon'} — Litmus`;
  root.append(
    h(
      'div',
      { class: 'page' },
      h('div', { class: 'page-head' }, h('div', { class: 'page-title' }, h('h1', {}, item?.label ?? 'Coming soon'), h('span', { class: 'soon-tag badge' }, 'SOON'))),
      h(
        'div',
        { class: 'panel empty-state coming', 'data-testid': 'coming-soon', 'data-path': path },
        h('h2', {}, 'This screen is coming in a later release.'),
        h('p', {}, 'It will show:'),
        h('ul', {}, ...(item?.coming ?? []).map((c) => h('li', {}, c))),
        h('p', {}, 'Meanwhile: ', h('a', { href: '/results' }, 'Results'), ' lists every run, ', h('a', { href: '/events' }, 'Events'), ' every recorded fact.'),
      ),
    ),
  );
  return { unmount() {} };
};
