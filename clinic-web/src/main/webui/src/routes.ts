// The pages that load when first opened (React.lazy), and a way to start loading the one the address names before
// React has rendered anything: main.tsx calls preload(location.pathname) first, so that the page's script arrives
// while the app starts instead of after it has routed (one round trip less on a first visit).

export const pages = {
  book: () => import('./pages/BookPage').then((m) => ({ default: m.BookPage })),
  requests: () => import('./pages/RequestsPage').then((m) => ({ default: m.RequestsPage })),
  waitlist: () => import('./pages/WaitlistPage').then((m) => ({ default: m.WaitlistPage })),
  setup: () => import('./pages/SetupPage').then((m) => ({ default: m.SetupPage })),
  myDay: () => import('./pages/MyDayPage').then((m) => ({ default: m.MyDayPage })),
  patients: () => import('./pages/PatientsPage').then((m) => ({ default: m.PatientsPage })),
  patient: () => import('./pages/PatientPage').then((m) => ({ default: m.PatientPage })),
  episode: () => import('./pages/EpisodePage').then((m) => ({ default: m.EpisodePage })),
  dashboard: () => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })),
};

const BY_PATH: Array<[RegExp, keyof typeof pages]> = [
  [/^\/book$/, 'book'],
  [/^\/requests$/, 'requests'],
  [/^\/waitlist$/, 'waitlist'],
  [/^\/setup(\/.*)?$/, 'setup'],
  [/^\/my-day$/, 'myDay'],
  [/^\/patients$/, 'patients'],
  [/^\/patients\/[^/]+$/, 'patient'],
  [/^\/episodes\/[^/]+$/, 'episode'],
  [/^\/dashboard$/, 'dashboard'],
];

export function preload(pathname: string): void {
  const page = BY_PATH.find(([pattern]) => pattern.test(pathname));
  if (page) {
    void pages[page[1]]().catch(() => undefined);
  }
}
