import { COMMON_ERROR_MESSAGES, type ErrorBody, type FieldIssue } from '@skillcert/shared';
import {
  answerBreach,
  CANDIDATE_ROUTES,
  fillPath,
  methodOf,
  pathTemplateOf,
  type BodyOf,
  type JsonRouteName,
  type PathParams,
  type QueryOf,
  type ResponseOf,
  type Route,
  type RouteName,
} from '@skillcert/shared/contract';
import { candidateSession, type SessionStore } from '../lib/session';
import { politeRetryDelayMs, retryAfterOf } from './retry';
import { send, type Method } from './transport';

/**
 * The app's one way to the server. Every failure — no network, a coded 4xx,
 * a 5xx — comes back as a typed result with a Chinese message; pages never
 * see a raw exception.
 */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface ApiError {
  code: ErrorBody['code'] | 'NETWORK_ERROR';
  message: string;
  issues?: FieldIssue[];
  status?: number;
}

export { API_BASE } from './transport';

/** What a route needs besides its name: its path parameters, its query, its body — each only where the route has one. */
export type RouteInput<K extends RouteName> = (keyof PathParams<K> extends never ? unknown : { params: PathParams<K> }) &
  ([QueryOf<K>] extends [never] ? unknown : { query?: QueryOf<K> }) &
  ([BodyOf<K>] extends [never] ? unknown : { body: BodyOf<K> });
type InputArgs<K extends RouteName> = object extends RouteInput<K> ? [input?: RouteInput<K>] : [input: RouteInput<K>];
export interface LooseInput {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** Calls a route by its name in the contract: the path is filled in, the answer typed by the route's schema. */
export type Caller<Name extends RouteName> = <K extends Name & JsonRouteName>(name: K, ...input: InputArgs<K>) => Promise<ApiResult<ResponseOf<K>>>;
/** The routes a caller may use: the candidate's, or (in the staff subpackages) the staff's as well. */
export type CallableRoutes<Name extends RouteName> = { readonly [K in Name]: Route };

export function queryString(query: Record<string, unknown> | undefined): string {
  const pairs = Object.entries(query ?? {}).filter(([, value]) => value !== undefined && value !== '');
  return pairs.length ? `?${pairs.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`).join('&')}` : '';
}

/** The route's path with its parameters and query. */
export function urlOf(route: Route, input: LooseInput = {}): string {
  return fillPath(pathTemplateOf(route), input.params ?? {}) + queryString(input.query);
}

/**
 * The one place an answer becomes its route's type. A development build checks it against the route's
 * schema first and turns a mismatch into an error a developer sees at once; a release trusts the server,
 * whose own tests hold every answer to the same schema (and the phone carries none of the schemas).
 */
export function typedAnswer<K extends RouteName>(name: K, data: unknown): ApiResult<ResponseOf<K>> {
  if (process.env.NODE_ENV !== 'production') {
    const breach = answerBreach(name, data);
    if (breach) {
      console.error(`[contract] ${name}: ${breach}`);
      return { ok: false, error: { code: 'INTERNAL_ERROR', message: COMMON_ERROR_MESSAGES.INTERNAL_ERROR } };
    }
  }
  return { ok: true, data: data as ResponseOf<K> };
}

export function caller<Name extends RouteName>(store: SessionStore<object>, table: CallableRoutes<Name>): Caller<Name> {
  const request = requester(store);
  return async (name, ...[input]) => {
    const route = table[name];
    const loose = input as LooseInput | undefined;
    const answer = await request(methodOf(route), urlOf(route, loose), loose?.body);
    return answer.ok ? typedAnswer(name, answer.data) : answer;
  };
}

type RawResult = { ok: true; data: unknown } | { ok: false; error: ApiError };

function requester(store: SessionStore<object>) {
  return async (method: Method, path: string, body?: unknown): Promise<RawResult> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await send(method, path, body, { 'Content-Type': 'application/json', ...authorization(store) });
        if (response.statusCode >= 200 && response.statusCode < 300) return { ok: true, data: response.data };
        const error = toApiError(response.statusCode, response.data);
        if (error.code === 'UNAUTHENTICATED') store.clear();
        const wait = method === 'GET' && error.code === 'SYSTEM_BUSY' ? politeRetryDelayMs(attempt, retryAfterOf(response.header)) : undefined;
        if (wait === undefined) return { ok: false, error };
        await new Promise((resolve) => setTimeout(resolve, wait));
      } catch {
        return { ok: false, error: { code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' } };
      }
    }
  };
}

type CandidateRouteName = keyof typeof CANDIDATE_ROUTES;
/** Requests as the signed-in candidate. */
export const api = caller<CandidateRouteName>(candidateSession, CANDIDATE_ROUTES);
/** A route and its path with the parameters filled in: what an upload or a download is sent to. */
export interface RouteTarget<K extends RouteName> {
  name: K;
  path: string;
}
/** A candidate route as an upload or download target. */
export const candidateTarget = <K extends CandidateRouteName>(name: K, params: PathParams<K>): RouteTarget<K> => ({
  name,
  path: fillPath(pathTemplateOf(CANDIDATE_ROUTES[name]), params),
});

export function authorization(store: SessionStore<object> = candidateSession): Record<string, string> {
  const session = store.current();
  return session ? { Authorization: `Bearer ${session.token}` } : {};
}

/**
 * An error answer as the server writes it (`ErrorBody`): a code from its catalogue and its message. The
 * phone checks the shape, not the catalogue — it does not carry the catalogue, and shows the server's words.
 */
function isErrorBody(data: unknown): data is ErrorBody {
  if (typeof data !== 'object' || data === null) return false;
  const { code, message } = data as { code?: unknown; message?: unknown };
  return typeof code === 'string' && /^[A-Z][A-Z_]+$/.test(code) && typeof message === 'string';
}

export function toApiError(status: number, data: unknown): ApiError {
  if (isErrorBody(data)) return { code: data.code, message: data.message, status, ...(data.issues ? { issues: data.issues } : {}) };
  return status >= 500
    ? { code: 'INTERNAL_ERROR', message: COMMON_ERROR_MESSAGES.INTERNAL_ERROR, status }
    : { code: 'VALIDATION_FAILED', message: COMMON_ERROR_MESSAGES.VALIDATION_FAILED, status };
}
