import type { ERROR_MESSAGES } from './error-messages';

/** Every code a refusal can carry; the Chinese messages are in error-messages.ts. */
export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface FieldIssue {
  /** Dotted path into the request, e.g. 'facts.work.0.from'. */
  path: string;
  message: string;
}

/** The body of every error response: `{ code, message }`, plus the fields at fault when there are some. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

/**
 * A refusal: its stable code, and its own words when the case has them (a name, a date, an amount).
 * The code's message lives in the catalogue (error-messages.ts), read where the refusal is answered
 * (`messageOf`): the phone, which only shows what the server says, carries no catalogue.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly ownMessage: string | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message?: string, issues?: FieldIssue[]) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.ownMessage = message;
    this.issues = issues;
  }
}
