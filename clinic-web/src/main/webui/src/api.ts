// The page's one way to the services: through clinic-web's /api/<service>/..., which adds the user's token on the
// server. Every change carries the CSRF token; a service's refusal arrives as RFC 9457 problem details.

export type Service = 'booking' | 'treatment' | 'reporting';

export interface FieldError {
  field: string;
  reason: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The last segment of the problem's type, e.g. resource-taken. */
  get slug(): string {
    const type = this.problem.type ?? '';
    return type.substring(type.lastIndexOf('/') + 1) || `http-${this.problem.status}`;
  }
}

export interface Answer<T> {
  data: T;
  etag?: string;
  total?: number;
}

declare global {
  interface Window {
    /** Answers index.html asked for while the scripts loaded, by URL. */
    clinicPrefetch?: Record<string, Promise<Response>>;
  }
}

/** An answer index.html asked for early: taken once, and only while it is fresh and a success. */
async function prefetched(url: string): Promise<Response | undefined> {
  const early = window.clinicPrefetch?.[url];
  if (!early) {
    return undefined;
  }
  delete window.clinicPrefetch![url];
  try {
    const response = await early;
    return response.ok && performance.now() < 10_000 ? response : undefined;
  } catch {
    return undefined;
  }
}

let onSignedOut: () => void = () => undefined;

/** What to do when a service says the session is over (401): the app shows the sign-in page. */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export function csrfToken(): string | undefined {
  return document.cookie.split('; ').find((c) => c.startsWith('clinic_csrf='))?.substring('clinic_csrf='.length);
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/** The path with the query's non-empty values, in the order given. */
export function withQuery(path: string, query?: Query): string {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function call<T>(method: string, url: string, options: { body?: unknown; ifMatch?: string } = {}):
  Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (options.ifMatch) {
    headers['If-Match'] = options.ifMatch;
  }
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken() ?? '';
  }
  let response: Response;
  try {
    response = (method === 'GET' ? await prefetched(url) : undefined) ?? await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ status: 0, type: 'network', title: 'network' });
  }
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && url.startsWith('/api/')) {
      onSignedOut();
    }
    throw new ApiError({ status: response.status, ...(body ?? {}) });
  }
  const total = response.headers.get('X-Total-Count');
  return {
    data: body as T,
    etag: response.headers.get('ETag') ?? undefined,
    total: total === null ? undefined : Number(total),
  };
}

/** A service's API: api('booking').get('/appointments', {from: '2027-02-01'}) calls GET /api/appointments. */
export function api(service: Service) {
  const base = `/api/${service}`;
  return {
    get: <T>(path: string, query?: Query) => call<T>('GET', withQuery(base + path, query)),
    post: <T>(path: string, body?: unknown, ifMatch?: string) => call<T>('POST', base + path, { body, ifMatch }),
    put: <T>(path: string, body: unknown, ifMatch?: string) => call<T>('PUT', base + path, { body, ifMatch }),
    delete: <T>(path: string, ifMatch?: string) => call<T>('DELETE', base + path, { ifMatch }),
  };
}

export const booking = api('booking');
export const treatment = api('treatment');
export const reporting = api('reporting');

/** Hands the browser a file to save, as if a link to it had been followed. */
export function saveFile(content: Blob, filename: string): void {
  const address = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = address;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(address), 10_000);
}

/** Downloads what a service answers as CSV (Accept: text/csv) at {@code url}, under {@code filename}. */
export async function downloadCsv(url: string, filename: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'text/csv' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, type: 'network', title: 'network' });
  }
  if (!response.ok) {
    const text = await response.text();
    let problem: Partial<Problem> = {};
    try {
      problem = text ? JSON.parse(text) : {};
    } catch {
      // not problem details: the status says enough
    }
    throw new ApiError({ ...problem, status: response.status });
  }
  saveFile(await response.blob(), filename);
}
