import { ERROR_MESSAGES } from './error-messages';
import type { DomainError, ErrorBody, ErrorCode } from './errors';

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

/** What the person reads: the refusal's own words when it has them, else its code's message. */
export function messageOf(error: DomainError): string {
  return error.ownMessage ?? ERROR_MESSAGES[error.code];
}

/** The body of the answer to a refusal. */
export function errorBody(error: DomainError): ErrorBody {
  const message = messageOf(error);
  return error.issues ? { code: error.code, message, issues: error.issues } : { code: error.code, message };
}
