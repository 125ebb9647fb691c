// The sidebar's entries (SPEC D). Views not built yet are listed disabled so
// the operator sees where the product is going; enabling one is a one-line
// change here plus a route in main.ts.

export interface NavItem {
  label: string;
  path: string;
  enabled: boolean;
}

export interface NavGroup {
  title: string;
  items: NavItem[];
}

export const NAV: NavGroup[] = [
  {
    title: 'Navigation',
    items: [
      { label: 'Dashboard', path: '/', enabled: true },
      { label: 'Launch Test', path: '/launch', enabled: false },
      { label: 'Results', path: '/results', enabled: false },
      { label: 'Metrics', path: '/metrics', enabled: false },
      { label: 'Measurements', path: '/explore', enabled: false },
    ],
  },
  {
    title: 'Data',
    items: [
      { label: 'Events', path: '/events', enabled: false },
      { label: 'Channels', path: '/channels', enabled: false },
    ],
  },
  {
    title: 'Configuration',
    items: [
      { label: 'Stations', path: '/stations', enabled: false },
      { label: 'Products', path: '/products', enabled: false },
      { label: 'Fixtures', path: '/fixtures', enabled: false },
      { label: 'Instruments', path: '/instruments', enabled: false },
      { label: 'DUTs', path: '/duts', enabled: false },
      { label: 'Tests', path: '/tests', enabled: false },
      { label: 'Profiles', path: '/profiles', enabled: false },
    ],
  },
];

/** Which entry a path belongs to ("/sessions/x" lives under Dashboard). */
export function navPathFor(path: string): string {
  if (path === '/' || path.startsWith('/sessions/')) return '/';
  const first = '/' + (path.split('/')[1] ?? '');
  return first;
}
