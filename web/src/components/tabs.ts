// A tab strip whose selection lives in the URL (?tab=…): the page passes
// the active id and navigates on select.

import { h } from '../dom';

export interface TabDef {
  id: string;
  label: string;
  count?: number | string | null;
}

export function tabStrip(tabs: TabDef[], active: string, onSelect: (id: string) => void): HTMLElement {
  const bar = h('div', { class: 'tabs', role: 'tablist', 'data-testid': 'tabs' });
  for (const t of tabs) {
    const selected = t.id === active;
    const count = countOf(t);
    bar.append(
      h(
        'button',
        {
          type: 'button',
          class: 'tab',
          role: 'tab',
          'aria-selected': selected ? 'true' : 'false',
          tabindex: selected ? 0 : -1,
          'data-testid': `tab-${t.id}`,
          onclick: (() => onSelect(t.id)) as EventListener,
        },
        t.label,
        count === null ? null : countBadge(t.id, count),
      ),
    );
  }
  // Left/Right move between tabs (WAI-ARIA tabs pattern).
  bar.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const buttons = [...bar.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const next = buttons[(i + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
    next.focus();
    next.click();
  });
  return bar;
}

/**
 * Brings a strip tabStrip built with the same tabs up to date in place:
 * the active tab and the counts. A live page's counts change many times a
 * second, and a new strip would take the keyboard focus from its tab (←/→
 * would stop after one step). False when it cannot (not such a strip):
 * build anew.
 */
export function updateTabStrip(bar: Element | null, tabs: TabDef[], active: string): boolean {
  const buttons = tabs.map((t) => bar?.querySelector(`[data-testid="tab-${t.id}"]`) ?? null);
  if (buttons.some((b) => b === null)) return false;
  for (const [i, t] of tabs.entries()) {
    const button = buttons[i]!;
    const selected = t.id === active;
    if ((button.getAttribute('aria-selected') === 'true') !== selected) {
      button.setAttribute('aria-selected', selected ? 'true' : 'false');
      button.setAttribute('tabindex', selected ? '0' : '-1');
    }
    const shown = button.querySelector(`[data-testid="tab-count-${t.id}"]`);
    const count = countOf(t);
    if (count === null) shown?.remove();
    else if (!shown) button.append(countBadge(t.id, count));
    else if (shown.textContent !== count) shown.textContent = count;
  }
  return true;
}

function countOf(t: TabDef): string | null {
  return t.count !== undefined && t.count !== null ? String(t.count) : null;
}

function countBadge(id: string, count: string): HTMLElement {
  return h('span', { class: 'tab-count', 'data-testid': `tab-count-${id}` }, count);
}
