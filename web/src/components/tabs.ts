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
        t.count !== undefined && t.count !== null ? h('span', { class: 'tab-count', 'data-testid': `tab-count-${t.id}` }, String(t.count)) : null,
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
