// The Metrics page's filter bar controls: a checkbox dropdown for lists
// (Phase, Product, Station, Lot) and a segmented button group for small
// choices (period, group by). Both report changes; the page puts them in
// the URL.

import { h } from '../dom';

export interface MultiSelectOptions {
  label: string;
  /** The field's id: data-testid="filter-<id>". */
  id: string;
  options: string[];
  selected: string[];
  /** What the summary says when every option (or none, for a plain filter) is chosen. */
  summary: (selected: string[]) => string;
  onChange: (selected: string[]) => void;
}

// One dropdown open at a time; a click elsewhere closes it.
document.addEventListener('click', (e) => {
  for (const open of document.querySelectorAll<HTMLDetailsElement>('details.multi[open]')) {
    if (!open.contains(e.target as Node)) open.open = false;
  }
});

/** A <details> dropdown of checkboxes: keyboard-usable without a script of its own. */
export function multiSelect(o: MultiSelectOptions): HTMLElement {
  const chosen = new Set(o.selected);
  const summary = h('summary', { 'data-testid': `filter-${o.id}-summary`, 'aria-label': o.label }, o.summary(o.selected));
  const menu = h('div', { class: 'multi-menu', role: 'group', 'aria-label': o.label });
  for (const option of o.options) {
    const box = h('input', { type: 'checkbox', value: option, checked: chosen.has(option), 'data-testid': `filter-${o.id}-option` });
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(option);
      else chosen.delete(option);
      o.onChange(o.options.filter((x) => chosen.has(x)));
    });
    menu.append(h('label', { class: 'multi-option' }, box, option));
  }
  if (!o.options.length) menu.append(h('div', { class: 'muted multi-option' }, 'None seen yet'));
  const details = h('details', { class: 'multi', 'data-testid': `filter-${o.id}` }, summary, menu);
  details.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !details.open) return;
    details.open = false;
    summary.focus();
  });
  return h('div', { class: 'field' }, h('label', {}, o.label), details);
}

/** Buttons of which one is pressed (aria-pressed). */
export function segmented<T extends string>(choices: { id: T; label: string }[], active: T, onSelect: (id: T) => void, testid: string): HTMLElement {
  return h(
    'div',
    { class: 'segmented', role: 'group', 'data-testid': testid },
    ...choices.map((c) =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': c.id === active ? 'true' : 'false',
          'data-testid': `${testid}-${c.id}`,
          onclick: (() => {
            if (c.id !== active) onSelect(c.id);
          }) as EventListener,
        },
        c.label,
      ),
    ),
  );
}
