import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError, ERROR_MESSAGES, errorBody, type ErrorBody, type ErrorCode } from '@skillcert/shared';
import type { Response } from 'express';
import { isPoolSaturated } from '../database/unit-of-work';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  INVALID_DATE: HttpStatus.BAD_REQUEST,
  RESIDENT_ID_INVALID: HttpStatus.BAD_REQUEST,
  MISCONDUCT_SEVERITY_REQUIRED: HttpStatus.BAD_REQUEST,
  LEVEL_NOT_OFFERED: HttpStatus.UNPROCESSABLE_ENTITY,
  SUBJECT_NOT_OFFERED: HttpStatus.UNPROCESSABLE_ENTITY,
  PLAN_NOT_FOUND: HttpStatus.NOT_FOUND,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  WECHAT_LOGIN_FAILED: HttpStatus.UNAUTHORIZED,
  WECHAT_PHONE_FAILED: HttpStatus.UNPROCESSABLE_ENTITY,
  WECHAT_UNAVAILABLE: HttpStatus.BAD_GATEWAY,
  RESIDENT_ID_TAKEN: HttpStatus.CONFLICT,
  PROFILE_INCOMPLETE: HttpStatus.CONFLICT,
  PHONE_NOT_VERIFIED: HttpStatus.CONFLICT,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  LOGIN_FAILED: HttpStatus.UNAUTHORIZED,
  LOGIN_LOCKED: HttpStatus.TOO_MANY_REQUESTS,
  ACCOUNT_DISABLED: HttpStatus.FORBIDDEN,
  PASSWORD_CHANGE_REQUIRED: HttpStatus.FORBIDDEN,
  PASSWORD_WRONG: HttpStatus.UNPROCESSABLE_ENTITY,
  USERNAME_TAKEN: HttpStatus.CONFLICT,
  SESSION_DATE_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  SEAT_SOLD_OUT: HttpStatus.CONFLICT,
  SESSION_CLOSED: HttpStatus.CONFLICT,
  RESULTS_TOO_EARLY: HttpStatus.CONFLICT,
  APPLICATION_ACTIVE_EXISTS: HttpStatus.CONFLICT,
  NOT_ELIGIBLE: HttpStatus.UNPROCESSABLE_ENTITY,
  TRANSITION_NOT_ALLOWED: HttpStatus.CONFLICT,
  CERTIFICATE_NOT_ISSUED: HttpStatus.CONFLICT,
  COLLECTION_BY_INSTITUTION: HttpStatus.CONFLICT,
  CERTIFICATE_HANDED_OVER: HttpStatus.CONFLICT,
  BATCH_NOT_SUBMITTED: HttpStatus.CONFLICT,
  BATCH_SUBMITTED: HttpStatus.CONFLICT,
  CREDIT_ALREADY_DECIDED: HttpStatus.CONFLICT,
  VISIT_AFTER_VERDICT: HttpStatus.CONFLICT,
  APPLICATION_WINDOW_CLOSED: HttpStatus.CONFLICT,
  VISIT_CODE_UNKNOWN: HttpStatus.NOT_FOUND,
  NOT_IN_BATCH: HttpStatus.NOT_FOUND,
  GROUP_APPLICATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  CORRECTION_ITEM_UNKNOWN: HttpStatus.BAD_REQUEST,
  TRACKING_NO_REQUIRED: HttpStatus.BAD_REQUEST,
  MISCONDUCT_ACT_UNKNOWN: HttpStatus.BAD_REQUEST,
  OWN_ACCOUNT: HttpStatus.FORBIDDEN,
  PDF_ACTIVE_CONTENT: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  IMAGE_DAMAGED: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  ON_WAITING_LIST: HttpStatus.CONFLICT,
  BATCH_NOTHING_DUE: HttpStatus.CONFLICT,
  CREDIT_AMOUNT_MISMATCH: HttpStatus.UNPROCESSABLE_ENTITY,
  MAKEUP_ALREADY_APPLIED: HttpStatus.CONFLICT,
  WECHAT_RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  WECHAT_ACCOUNT_RISKY: HttpStatus.UNAUTHORIZED,
  FILE_TYPE_NOT_ALLOWED: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  FILE_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  FILE_EMPTY: HttpStatus.BAD_REQUEST,
  UPLOAD_QUOTA_EXCEEDED: HttpStatus.CONFLICT,
  MATERIALS_INCOMPLETE: HttpStatus.UNPROCESSABLE_ENTITY,
  VISIT_SLOT_FULL: HttpStatus.CONFLICT,
  VISIT_SLOT_UNAVAILABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  VISIT_NOT_NEEDED: HttpStatus.CONFLICT,
  ROSTER_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  BATCH_EMPTY: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
  PAYMENT_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  PAYMENT_NOT_DUE: HttpStatus.CONFLICT,
  PAYMENT_DEADLINE_PASSED: HttpStatus.CONFLICT,
  PAYMENT_BY_SCHOOL: HttpStatus.CONFLICT,
  PAYMENT_NOTIFICATION_INVALID: HttpStatus.UNAUTHORIZED,
  WECHAT_NOT_LINKED: HttpStatus.CONFLICT,
  STATEMENT_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  TICKET_UNKNOWN: HttpStatus.UNPROCESSABLE_ENTITY,
  TICKET_WRONG_SESSION: HttpStatus.CONFLICT,
  SESSION_NOT_TODAY: HttpStatus.CONFLICT,
  ALREADY_CHECKED_IN: HttpStatus.CONFLICT,
  CERTIFICATE_NOT_FOUND: HttpStatus.NOT_FOUND,
  MAKEUP_NOT_ALLOWED: HttpStatus.CONFLICT,
  MAKEUP_FORFEIT_UNCONFIRMED: HttpStatus.CONFLICT,
  APPLICANT_BANNED: HttpStatus.FORBIDDEN,
  RESIDENT_ID_NOT_REVEALABLE: HttpStatus.CONFLICT,
  RESIDENT_ID_LOCKED: HttpStatus.CONFLICT,
  REFUND_NOT_OWED: HttpStatus.CONFLICT,
  NOT_IN_SESSION: HttpStatus.UNPROCESSABLE_ENTITY,
  RESULTS_PUBLISHED: HttpStatus.CONFLICT,
  RESULTS_INCOMPLETE: HttpStatus.CONFLICT,
  PUBLISH_BY_OTHER: HttpStatus.FORBIDDEN,
  SCORE_SHEET_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  TICKET_NOT_AVAILABLE: HttpStatus.CONFLICT,
  TICKET_NOT_YET: HttpStatus.CONFLICT,
  TICKET_PDF_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  STATEMENT_COLUMNS_UNKNOWN: HttpStatus.UNPROCESSABLE_ENTITY,
  EDITED_CONCURRENTLY: HttpStatus.CONFLICT,
  CALENDAR_YEAR_BUILT_IN: HttpStatus.CONFLICT,
  PLAN_ID_TAKEN: HttpStatus.CONFLICT,
  PLAN_NOTICE_MISSING: HttpStatus.CONFLICT,
  PLAN_TEXT_NOT_IN_NOTICE: HttpStatus.UNPROCESSABLE_ENTITY,
  PLAN_CALENDAR_UNCONFIRMED: HttpStatus.UNPROCESSABLE_ENTITY,
  PLAN_NOTHING_TO_PUBLISH: HttpStatus.CONFLICT,
  SYSTEM_BUSY: HttpStatus.SERVICE_UNAVAILABLE,
  INTERNAL_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
};

const BUSY_RETRY_AFTER_SECONDS = 2;

/** Framework errors (unknown route, malformed JSON, oversized body) in the same `{ code, message }` shape. */
function fromHttpException(e: HttpException): { status: number; body: ErrorBody } {
  const status = e.getStatus();
  if (status === HttpStatus.NOT_FOUND) return { status, body: { code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND } };
  // Multer's size limit: the upload is over the largest file we take.
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return { status, body: { code: 'FILE_TOO_LARGE', message: ERROR_MESSAGES.FILE_TOO_LARGE } };
  if (status < 500) return { status, body: { code: 'VALIDATION_FAILED', message: '请求格式不正确，请检查后重试' } };
  return { status, body: { code: 'INTERNAL_ERROR', message: ERROR_MESSAGES.INTERNAL_ERROR } };
}

/** The one place errors become HTTP: services throw DomainError with a code, never HttpException. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let status: number;
    let body: ErrorBody;
    if (error instanceof DomainError) {
      status = STATUS_BY_CODE[error.code];
      body = errorBody(error);
    } else if (error instanceof HttpException) {
      ({ status, body } = fromHttpException(error));
    } else if (isPoolSaturated(error)) {
      // A burst beyond what the database pool queues: come back in a moment. Expected under load, not a fault.
      status = HttpStatus.SERVICE_UNAVAILABLE;
      body = { code: 'SYSTEM_BUSY', message: ERROR_MESSAGES.SYSTEM_BUSY };
      this.logger.warn({ event: 'database-pool-saturated' });
    } else {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      body = { code: 'INTERNAL_ERROR', message: ERROR_MESSAGES.INTERNAL_ERROR };
      // Stack only: request bodies may hold personal data and are never logged.
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    // A busy system says when to come back; the app waits that long before trying again.
    if (body.code === 'SYSTEM_BUSY') response.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
    response.status(status).json(body);
  }
}
