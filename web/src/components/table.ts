// Table helpers shared by every list: keyboard navigation of rows,
// server-side sortable headers, and the pager.

import { onBlinkTick } from '../blink';
import { h } from '../dom';

/**
 * Makes a tbody's rows keyboard-navigable: rows carry tabindex=0, Enter (or
 * a click outside a link/button) opens the row, ArrowUp/ArrowDown/Home/End
 * move the focus. `open` gets the row element.
 */
export function navigableRows(tbody: HTMLElement, open: (row: HTMLElement, e: Event) => void): void {
  tbody.addEventListener('keydown', (e) => {
    const row = (e.target as HTMLElement).closest?.('tr[tabindex]') as HTMLElement | null;
    if (!row || row.parentElement !== tbody) return;
    const rows = [...tbody.querySelectorAll<HTMLElement>(':scope > tr[tabindex]')];
    const i = rows.indexOf(row);
    let next: HTMLElement | undefined;
    switch (e.key) {
      case 'Enter':
        e.preventDefault();
        open(row, e);
        return;
      case 'ArrowDown':
        next = rows[i + 1];
        break;
      case 'ArrowUp':
        next = rows[i - 1];
        break;
      case 'Home':
        next = rows[0];
        break;
      case 'End':
        next = rows[rows.length - 1];
        break;
      default:
        return;
    }
    e.preventDefault();
    next?.focus();
  });
  tbody.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    if (t.closest('a, button, input, select, .json-row')) return;
    const row = t.closest('tr[tabindex]') as HTMLElement | null;
    if (row && row.parentElement === tbody) open(row, e);
  });
}

/** Follows a row's first link (keeps in-app navigation through the router). */
export function followRowLink(row: HTMLElement): void {
  (row.querySelector('a[href]') as HTMLAnchorElement | null)?.click();
}

export interface SortState {
  sort: string;
  order: 'asc' | 'desc';
}

/**
 * A header cell. With `key` it is sortable: a button toggling the order
 * (aria-sort reflects the current sort).
 */
export function sortHeader(label: string, key: string | null, state: SortState, onSort: (s: SortState) => void, num = false): HTMLElement {
  if (!key) return h('th', { class: num ? 'num' : null }, label);
  const active = state.sort === key;
  const ariaSort = active ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none';
  return h(
    'th',
    { class: `sortable${num ? ' num' : ''}`, 'aria-sort': ariaSort, 'data-sort-key': key },
    h(
      'button',
      {
        type: 'button',
        'data-testid': `sort-${key}`,
        title: `Sort by ${label}`,
        onclick: (() => {
          const order: 'asc' | 'desc' = active ? (state.order === 'asc' ? 'desc' : 'asc') : key === 'started' || key === 'steps' || key === 'measurements' ? 'desc' : 'asc';
          onSort({ sort: key, order });
        }) as EventListener,
      },
      label,
      h('span', { class: 'sort-arrow', 'aria-hidden': 'true' }, active ? (state.order === 'asc' ? '▲' : '▼') : ''),
    ),
  );
}

export const PAGE_SIZES = [10, 25, 50, 100];

/** "1–50 of N", a page-size select and previous/next buttons. */
export function pager(
  state: { offset: number; limit: number; total: number },
  onChange: (next: { offset: number; limit: number }) => void,
  sizes: number[] = PAGE_SIZES,
): HTMLElement {
  const { offset, limit, total } = state;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  const select = h(
    'select',
    {
      'data-testid': 'page-size',
      'aria-label': 'Rows per page',
      onchange: ((e: Event) => onChange({ offset: 0, limit: Number((e.target as HTMLSelectElement).value) })) as EventListener,
    },
    ...sizes.map((n) => h('option', { value: n, selected: n === limit }, String(n))),
  );
  return h(
    'div',
    { class: 'pager', 'data-testid': 'pager' },
    h('span', { class: 'muted' }, 'Rows'),
    select,
    h('span', { class: 'range', 'data-testid': 'page-range' }, `${from}–${to} of ${total}`),
    h(
      'button',
      { type: 'button', class: 'btn btn-sm', 'data-testid': 'page-prev', disabled: offset <= 0, 'aria-label': 'Previous page', onclick: (() => onChange({ offset: Math.max(0, offset - limit), limit })) as EventListener },
      '‹ Prev',
    ),
    h(
      'button',
      { type: 'button', class: 'btn btn-sm', 'data-testid': 'page-next', disabled: offset + limit >= total, 'aria-label': 'Next page', onclick: (() => onChange({ offset: offset + limit, limit })) as EventListener },
      'Next ›',
    ),
  );
}

/** An empty-table row spanning `cols` columns. */
export function emptyRow(cols: number, text: string, testid = 'table-empty'): HTMLElement {
  return h('tr', { class: 'empty', 'data-testid': testid }, h('td', { colspan: cols }, text));
}

/**
 * Rows a clipped scroller keeps laid out while scrolled to the top: the
 * live scrollers are at most 480 px tall, 16 rows of 29 px; the rest is
 * room for rows that wrap. Every row laid out is painted again under each
 * row that arrives on top: 24 instead of 40 (with the timeline's fixed
 * column widths) took ~10 % off the CPU of a page following a run.
 */
export const CLIPPED_ROWS = 24;
const HIDDEN = 'clip-hidden';

/**
 * A scroll box holding a long, often-updated table (the live timeline, the
 * live measurements): while it is scrolled to the top only the first
 * CLIPPED_ROWS rows of its tbody are laid out and painted (the others stay
 * in the DOM, display:none). Chromium paints a scroller's content far
 * beyond what shows (so scrolling needs no repaint), and on a page that
 * changes 20 times a second that was most of every frame. Scrolling to the
 * end of the shown rows shows all of them; back at the top the clip
 * returns. Call `rowsChanged()` after inserting rows (O(rows newly past
 * the limit)) and `rebuilt()` after replacing them all.
 */
export class ClippedRows {
  private clipped = true;

  constructor(
    scroller: HTMLElement,
    private readonly body: () => HTMLElement | null,
  ) {
    scroller.addEventListener(
      'scroll',
      () => {
        if (this.clipped && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 60) this.set(false);
        else if (!this.clipped && scroller.scrollTop === 0) this.set(true);
      },
      { passive: true },
    );
  }

  private set(clipped: boolean): void {
    this.clipped = clipped;
    const body = this.body();
    if (!body) return;
    const rows = body.children;
    for (let i = CLIPPED_ROWS; i < rows.length; i++) rows[i].classList.toggle(HIDDEN, clipped);
  }

  /** After rows were inserted: the ones pushed past the limit hide. */
  rowsChanged(inserted?: Element): void {
    if (!this.clipped) return;
    const body = this.body();
    if (!body) return;
    // Rows from CLIPPED_ROWS on are hidden; those just pushed there are not yet.
    for (let r = body.children[CLIPPED_ROWS]; r && !r.classList.contains(HIDDEN); r = r.nextElementSibling as Element) r.classList.add(HIDDEN);
    if (inserted?.previousElementSibling?.classList.contains(HIDDEN)) inserted.classList.add(HIDDEN);
  }

  /**
   * Inserts `row` (with `data-seq`) among the rows, newest first by seq —
   * history and stream can interleave — keeps at most `max` rows and hides
   * those pushed past the clip.
   */
  insertBySeq(row: HTMLElement, max: number): void {
    const body = this.body();
    if (!body) return;
    const seq = Number(row.dataset.seq);
    let before: Element | null = null;
    for (const r of body.children) {
      if (Number((r as HTMLElement).dataset.seq) < seq) {
        before = r;
        break;
      }
    }
    body.insertBefore(row, before);
    while (body.children.length > max) body.lastElementChild?.remove();
    this.rowsChanged(row);
  }

  /** After the tbody was filled anew. */
  rebuilt(): void {
    this.set(this.clipped);
  }
}

/** A row that arrived stays tinted at least this long: until the first blink tick after it. */
const FRESH_MS = 500;

/**
 * The highlight of rows arriving on a live page, so the eye finds them:
 * class `fresh`, set as the row arrives and cleared by the first tick of
 * the blink clock (blink.ts) at least FRESH_MS later — 0.5 to 1.2 s on
 * screen. Not a CSS animation: an animated background needs a new frame
 * sixty times a second for as long as rows keep arriving, and a run
 * measuring at 20/s never stops. Not a timer of its own either: the
 * tint's end would be a frame of its own per row; on the blink's tick it
 * shares the frame the blink makes anyway.
 */
export class ArrivalMarks {
  /** Tinted rows, oldest first. */
  private fresh: { row: Element; at: number }[] = [];
  private readonly stopTicks = onBlinkTick(() => this.tick());

  mark(row: Element): void {
    row.classList.add('fresh');
    this.fresh.push({ row, at: performance.now() });
  }

  /** Stops following the clock (the page goes away). */
  stop(): void {
    this.stopTicks();
  }

  private tick(): void {
    const due = performance.now() - FRESH_MS;
    while (this.fresh.length && this.fresh[0].at <= due) this.fresh.shift()!.row.classList.remove('fresh');
  }
}
