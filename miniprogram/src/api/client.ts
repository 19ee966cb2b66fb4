import { ERROR_MESSAGES, isErrorCode, type ErrorBody, type FieldIssue } from '@skillcert/shared';
import { candidateSession, staffSession, type SessionStore } from '../lib/session';
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
export type Requester = <T>(method: Method, path: string, body?: unknown) => Promise<ApiResult<T>>;

function requester(store: SessionStore<object>): Requester {
  return async <T>(method: Method, path: string, body?: unknown): Promise<ApiResult<T>> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await send(method, path, body, { 'Content-Type': 'application/json', ...authorization(store) });
        if (response.statusCode >= 200 && response.statusCode < 300) return { ok: true, data: response.data as T };
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

/** Requests as the signed-in candidate. */
export const api = requester(candidateSession);
/** Requests as the signed-in reviewer, admin or institution clerk. */
export const staffApi = requester(staffSession);

export function authorization(store: SessionStore<object> = candidateSession): Record<string, string> {
  const session = store.current();
  return session ? { Authorization: `Bearer ${session.token}` } : {};
}

export function toApiError(status: number, data: unknown): ApiError {
  if (typeof data === 'object' && data !== null && 'code' in data && isErrorCode((data as ErrorBody).code)) {
    const body = data as ErrorBody;
    return { code: body.code, message: body.message, status, ...(body.issues ? { issues: body.issues } : {}) };
  }
  return status >= 500
    ? { code: 'INTERNAL_ERROR', message: ERROR_MESSAGES.INTERNAL_ERROR, status }
    : { code: 'VALIDATION_FAILED', message: ERROR_MESSAGES.VALIDATION_FAILED, status };
}
