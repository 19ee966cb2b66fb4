import type {
  CalendarYearRequest,
  SubjectKind,
  MisconductRequest,
  CreateExamSessionRequest,
  CreateStaffRequest,
  ChangePasswordRequest,
  ResetPasswordRequest,
  ReturnRequest,
  ReviewQuery,
  StaffLoginRequest,
  StaffSessionResponse,
} from '@skillcert/shared';
import { staffSession } from '../lib/session';
import type { ApiResult } from './client';
import { staffApi, staffTarget } from './staffClient';
import { downloadAsStaff, pickAndUploadSpreadsheet } from './files';

export async function staffSignIn(request: StaffLoginRequest): Promise<ApiResult<StaffSessionResponse>> {
  const session = await staffApi('staffSignIn', { body: request });
  if (session.ok) staffSession.save(session.data);
  return session;
}

export async function staffSignOut(): Promise<void> {
  if (staffSession.current()) await staffApi('signOut');
  staffSession.clear();
}

export const staffAccountApi = {
  me: () => staffApi('staffMe'),
  list: () => staffApi('staffAccounts'),
  create: (request: CreateStaffRequest) => staffApi('createStaffAccount', { body: request }),
  disable: (accountId: string) => staffApi('disableStaffAccount', { params: { id: accountId } }),
  enable: (accountId: string) => staffApi('enableStaffAccount', { params: { id: accountId } }),
  resetPassword: (accountId: string, request: ResetPasswordRequest) => staffApi('resetStaffPassword', { params: { id: accountId }, body: request }),
  revokeSessions: (accountId: string) => staffApi('revokeStaffSessions', { params: { id: accountId } }),
  changePassword: (request: ChangePasswordRequest) => staffApi('changePassword', { body: request }),
};

export const reviewApi = {
  queue: (query: Partial<ReviewQuery>) => staffApi('reviewQueue', { query }),
  one: (applicationId: string) => staffApi('reviewItem', { params: { id: applicationId } }),
  byVisitCode: (code: string) => staffApi('reviewByVisitCode', { params: { code } }),
  approve: (applicationId: string, note?: string) => staffApi('approve', { params: { id: applicationId }, body: note ? { note } : {} }),
  returnForCorrection: (applicationId: string, request: ReturnRequest) => staffApi('returnForCorrection', { params: { id: applicationId }, body: request }),
  reject: (applicationId: string, reason: string) => staffApi('reject', { params: { id: applicationId }, body: { reason } }),
  /** The full ID number at the counter: the server records each reading. */
  revealResidentId: (applicationId: string) => staffApi('revealResidentId', { params: { id: applicationId } }),
  audit: (applicationId?: string) => staffApi('auditTrail', { query: { applicationId } }),
};

export const examSessionsApi = {
  list: (planId: string) => staffApi('sessions', { query: { planId } }),
  create: (request: CreateExamSessionRequest) => staffApi('createSession', { body: request }),
};

/** Exam day at the door: today's sessions, the candidate behind a ticket, check-in, the room's count. */
export const examDayApi = {
  sessions: () => staffApi('examDaySessions'),
  next: () => staffApi('nextExamDay'),
  lookup: (sessionId: string, ticketNo: string) => staffApi('candidateAtDoor', { params: { id: sessionId, ticketNo: ticketNo.replace(/\s+/g, '') } }),
  checkIn: (sessionId: string, ticketNo: string) => staffApi('checkIn', { params: { id: sessionId }, body: { ticketNo } }),
  attendance: (sessionId: string) => staffApi('attendance', { params: { id: sessionId } }),
};

/** A session's marks: the sheet to fill, the filled sheet back, a mark by hand, and publication by a second person. */
export const resultsApi = {
  view: (sessionId: string) => staffApi('sessionResults', { params: { id: sessionId } }),
  template: (sessionId: string) => downloadAsStaff(staffTarget('scoreSheetTemplate', { id: sessionId }), '成绩表.xlsx'),
  upload: (sessionId: string) => pickAndUploadSpreadsheet(staffTarget('importScores', { id: sessionId }), ['xlsx']),
  publish: (sessionId: string) => staffApi('publishResults', { params: { id: sessionId } }),
  enter: (sessionId: string, applicationId: string, scores: Partial<Record<SubjectKind, string>>) =>
    staffApi('enterScores', { params: { id: sessionId, applicationId }, body: { scores } }),
};

/** Misconduct records, by the proctor at the door or an admin afterwards. */
export const misconductApi = {
  record: (request: MisconductRequest) => staffApi('recordMisconduct', { body: request }),
};

/** The body's certificates: hand-over recorded, revocation in bulk with a reason. */
export const certificatesApi = {
  list: (status?: 'valid' | 'revoked') => staffApi('certificates', { query: { status } }),
  handOver: (id: string, trackingNo?: string) => staffApi('handOverCertificate', { params: { id }, body: trackingNo ? { trackingNo } : {} }),
  revoke: (numbers: string[], reason: string) => staffApi('revokeCertificates', { body: { numbers, reason } }),
};

export const calendarApi = {
  year: (year: number) => staffApi('calendarYear', { params: { year: String(year) } }),
  save: (year: number, request: CalendarYearRequest) => staffApi('saveCalendarYear', { params: { year: String(year) }, body: request }),
};
