// A tiny History-API router. Page state lives in the URL (SPEC D), so every
// view is reachable by link and survives reload; the server answers
// index.html for any non-/api path so deep links work.

export type Params = Record<string, string>;

/** A page instance living in the main area until the route changes. */
export interface Mounted {
  /** Unsubscribe from the stream, abort fetches. */
  unmount(): void;
  /**
   * When present, a navigation that lands on the same page (e.g. "/" →
   * "/sessions/<id>") updates it in place instead of remounting, so the
   * session list keeps its data and scroll position. Returning false asks
   * for a fresh mount instead (e.g. another record's id).
   */
  update?(params: Params, query: URLSearchParams): void | boolean;
}

export type Page = (root: HTMLElement, params: Params, query: URLSearchParams) => Mounted;

interface Route {
  pattern: RegExp;
  keys: string[];
  page: Page;
}

type NavListener = (path: string) => void;

let instance: Router | null = null;
let previous = '';
let currentPath = '';

/** path+query of the view shown before this one ('' on the first view). */
export function previousPath(): string {
  return previous;
}

/**
 * Navigates in-page (pages use it to put their state in the URL). With
 * `replace` the history entry is replaced (e.g. typing in a filter).
 */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (instance) instance.navigate(to, opts);
  else location.assign(to);
}

/** Builds "path?query" from a record, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export class Router {
  private routes: Route[] = [];
  private listeners = new Set<NavListener>();
  private current: { page: Page; mounted: Mounted } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly notFound: Page,
  ) {}

  /** `path` like "/sessions/:id"; ":name" matches one URL segment. */
  add(path: string, page: Page): this {
    const keys: string[] = [];
    const src = path
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          keys.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ pattern: new RegExp(`^${src}/?$`), keys, page });
    return this;
  }

  start(): void {
    instance = this;
    window.addEventListener('popstate', () => this.render());
    // Same-origin links navigate in-page; modified clicks (new tab) and
    // target=_blank keep the browser's behaviour.
    document.addEventListener('click', (e) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a');
      if (!a || a.target || a.hasAttribute('download')) return;
      const href = a.getAttribute('href');
      if (!href || href.startsWith('#')) return;
      const u = new URL(href, location.href);
      if (u.origin !== location.origin || u.pathname.startsWith('/api/')) return;
      e.preventDefault();
      this.navigate(u.pathname + u.search + u.hash);
    });
    this.render();
  }

  navigate(to: string, opts: { replace?: boolean } = {}): void {
    if (to === location.pathname + location.search + location.hash) return;
    if (opts.replace) history.replaceState(null, '', to);
    else history.pushState(null, '', to);
    this.render();
  }

  onNavigate(fn: NavListener): void {
    this.listeners.add(fn);
  }

  private render(): void {
    const path = location.pathname;
    if (location.pathname + location.search !== currentPath) {
      previous = currentPath;
      currentPath = location.pathname + location.search;
    }
    let page = this.notFound;
    let params: Params = {};
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      page = r.page;
      params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
      break;
    }
    for (const fn of this.listeners) fn(path);
    const query = new URLSearchParams(location.search);
    if (this.current && this.current.page === page && this.current.mounted.update) {
      if (this.current.mounted.update(params, query) !== false) return;
    }
    this.current?.mounted.unmount();
    this.root.replaceChildren();
    this.current = { page, mounted: page(this.root, params, query) };
  }
}

/**
 * A page whose code is loaded on first use (a separate chunk: the chart
 * library and the heavier screens stay out of the bundle every page
 * compiles before its first paint). Until the chunk is in, the main area
 * says "Loading…"; params that change meanwhile are handed to the page
 * when it mounts.
 */
export function lazyPage(load: () => Promise<Page>): Page {
  let loaded: Page | null = null;
  return (root, params, query) => {
    if (loaded) return loaded(root, params, query);
    let mounted: Mounted | null = null;
    let gone = false;
    let latest = { params, query };
    const holder = document.createElement('div');
    holder.className = 'empty-state muted';
    holder.dataset.testid = 'page-loading';
    holder.textContent = 'Loading…';
    root.append(holder);
    load().then(
      (page) => {
        loaded = page;
        if (gone) return;
        holder.remove();
        mounted = page(root, latest.params, latest.query);
      },
      (err) => {
        if (!gone) holder.textContent = `Could not load this page (${String(err)}). Reload to try again.`;
      },
    );
    return {
      update(p, q) {
        if (!mounted) {
          latest = { params: p, query: q };
          return true;
        }
        return mounted.update ? mounted.update(p, q) : false;
      },
      unmount() {
        gone = true;
        mounted?.unmount();
      },
    };
  };
}
