import { h } from '../dom';
import type { Page } from '../router';

export const notFoundPage: Page = (root) => {
  root.append(
    h(
      'div',
      { class: 'panel empty-state', 'data-testid': 'not-found' },
      h('h2', {}, 'Page not found'),
      h('p', {}, h('span', { class: 'mono' }, location.pathname), ' is not a Litmus view. ', h('a', { href: '/' }, 'Back to the dashboard')),
    ),
  );
  return { unmount() {} };
};
