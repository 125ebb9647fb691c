// The sidebar's entries (SPEC D). Entries whose screen is not built yet are
// links to a page saying what they will show, tagged "soon"; enabling one
// is `ready: true` here plus a route in main.ts.

export interface NavItem {
  label: string;
  path: string;
  ready: boolean;
  /** For "soon" entries: what the screen will show. */
  coming?: string[];
}

export interface NavGroup {
  title: string;
  items: NavItem[];
}

export const NAV: NavGroup[] = [
  {
    title: 'Navigation',
    items: [
      { label: 'Dashboard', path: '/', ready: true },
      {
        label: 'Launch Test',
        path: '/launch',
        ready: false,
        coming: ['Pick product, DUT serial, test program, station, mock mode and operator', 'Start the test program and open its live monitor'],
      },
      { label: 'Results', path: '/results', ready: true },
      { label: 'Metrics', path: '/metrics', ready: true },
      {
        label: 'Measurements',
        path: '/explore',
        ready: false,
        coming: ['Facet filters over every measurement', 'Scatter, line, bar and histogram of any numeric column or input parameter, grouped'],
      },
    ],
  },
  {
    title: 'Data',
    items: [
      { label: 'Events', path: '/events', ready: true },
      { label: 'Channels', path: '/channels', ready: true },
      { label: 'Sessions', path: '/sessions', ready: true },
    ],
  },
  {
    title: 'Configuration',
    items: [
      { label: 'Stations', path: '/stations', ready: false, coming: ['Every stations/*.yaml: instruments, resources, mock settings, supported phases'] },
      { label: 'Products', path: '/products', ready: false, coming: ['Products, part numbers, revisions and their characteristics (limits)'] },
      { label: 'Fixtures', path: '/fixtures', ready: false, coming: ['Fixtures and their pin maps (DUT pin ↔ instrument channel)'] },
      { label: 'Instruments', path: '/instruments', ready: false, coming: ['Instrument inventory: identity, calibration due dates and status'] },
      { label: 'DUTs', path: '/duts', ready: false, coming: ['Every DUT serial seen, with its runs and latest outcome'] },
      { label: 'Tests', path: '/tests', ready: false, coming: ['Test programs found in the project, their steps, sweeps and limits'] },
      { label: 'Profiles', path: '/profiles', ready: false, coming: ['Test profiles and the limits they select'] },
    ],
  },
  {
    title: 'Help',
    items: [{ label: 'Docs', path: '/docs', ready: false, coming: ['The Litmus documentation, served offline by litmus serve'] }],
  },
];

export const COMING_SOON = NAV.flatMap((g) => g.items).filter((i) => !i.ready);

/** Which entry a path belongs to ("/results/x" lives under Results). */
export function navPathFor(path: string): string {
  if (path === '/' || path.startsWith('/live/')) return '/';
  const first = '/' + (path.split('/')[1] ?? '');
  return first;
}
