import type {
  AttendanceView,
  SubjectKind,
  CertificateView,
  MisconductRequest,
  MisconductView,
  ScoreImportReport,
  SessionResultsView,
  AuditEntryView,
  CandidateAtDoor,
  ExamDaySessionView,
  NextExamDayView,
  CreateExamSessionRequest,
  ExamSessionView,
  CreateStaffRequest,
  ChangePasswordRequest,
  ResetPasswordRequest,
  ReturnRequest,
  ReviewItem,
  ReviewQuery,
  StaffLoginRequest,
  StaffProfile,
  StaffSessionResponse,
} from '@skillcert/shared';
import { staffSession } from '../lib/session';
import { staffApi, type ApiResult } from './client';
import { downloadAsStaff, pickAndUploadSpreadsheet } from './files';

const id = encodeURIComponent;

function queryString(query: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}` : '';
}

export async function staffSignIn(request: StaffLoginRequest): Promise<ApiResult<StaffSessionResponse>> {
  const session = await staffApi<StaffSessionResponse>('POST', '/api/staff/login', request);
  if (session.ok) staffSession.save(session.data);
  return session;
}

export async function staffSignOut(): Promise<void> {
  if (staffSession.current()) await staffApi<void>('POST', '/api/auth/logout');
  staffSession.clear();
}

export const staffAccountApi = {
  me: () => staffApi<StaffProfile>('GET', '/api/staff/me'),
  list: () => staffApi<StaffProfile[]>('GET', '/api/staff/accounts'),
  create: (request: CreateStaffRequest) => staffApi<StaffProfile>('POST', '/api/staff/accounts', request),
  disable: (accountId: string) => staffApi<StaffProfile>('POST', `/api/staff/accounts/${id(accountId)}/disable`),
  enable: (accountId: string) => staffApi<StaffProfile>('POST', `/api/staff/accounts/${id(accountId)}/enable`),
  resetPassword: (accountId: string, request: ResetPasswordRequest) =>
    staffApi<StaffProfile>('POST', `/api/staff/accounts/${id(accountId)}/reset-password`, request),
  revokeSessions: (accountId: string) => staffApi<{ revoked: number }>('POST', `/api/staff/accounts/${id(accountId)}/revoke-sessions`),
  changePassword: (request: ChangePasswordRequest) => staffApi<void>('PUT', '/api/staff/me/password', request),
};

export const reviewApi = {
  queue: (query: Partial<ReviewQuery>) => staffApi<ReviewItem[]>('GET', `/api/review/applications${queryString(query)}`),
  one: (applicationId: string) => staffApi<ReviewItem>('GET', `/api/review/applications/${id(applicationId)}`),
  byVisitCode: (code: string) => staffApi<ReviewItem>('GET', `/api/review/visits/${id(code)}`),
  approve: (applicationId: string, note?: string) =>
    staffApi<ReviewItem>('POST', `/api/review/applications/${id(applicationId)}/approve`, note ? { note } : {}),
  returnForCorrection: (applicationId: string, request: ReturnRequest) =>
    staffApi<ReviewItem>('POST', `/api/review/applications/${id(applicationId)}/return`, request),
  reject: (applicationId: string, reason: string) => staffApi<ReviewItem>('POST', `/api/review/applications/${id(applicationId)}/reject`, { reason }),
  /** The full ID number at the counter: the server records each reading. */
  revealResidentId: (applicationId: string) => staffApi<{ residentId: string }>('POST', `/api/review/applications/${id(applicationId)}/resident-id`, {}),
  audit: (applicationId?: string) => staffApi<AuditEntryView[]>('GET', `/api/review/audit${queryString({ applicationId })}`),
};

export const examSessionsApi = {
  list: (planId: string) => staffApi<ExamSessionView[]>('GET', `/api/sessions${queryString({ planId })}`),
  create: (request: CreateExamSessionRequest) => staffApi<ExamSessionView>('POST', '/api/sessions', request),
};

/** Exam day at the door: today's sessions, the candidate behind a ticket, check-in, the room's count. */
export const examDayApi = {
  sessions: () => staffApi<ExamDaySessionView[]>('GET', '/api/exam-day/sessions'),
  next: () => staffApi<NextExamDayView>('GET', '/api/exam-day/next'),
  lookup: (sessionId: string, ticketNo: string) =>
    staffApi<CandidateAtDoor>('GET', `/api/exam-day/sessions/${id(sessionId)}/tickets/${encodeURIComponent(ticketNo.replace(/\s+/g, ''))}`),
  checkIn: (sessionId: string, ticketNo: string) => staffApi<AttendanceView>('POST', `/api/exam-day/sessions/${id(sessionId)}/check-ins`, { ticketNo }),
  attendance: (sessionId: string) => staffApi<AttendanceView>('GET', `/api/exam-day/sessions/${id(sessionId)}/attendance`),
};

/** A session's marks: the sheet to fill, the filled sheet back, a mark by hand, and publication by a second person. */
export const resultsApi = {
  view: (sessionId: string) => staffApi<SessionResultsView>('GET', `/api/results/sessions/${id(sessionId)}`),
  template: (sessionId: string) => downloadAsStaff(`/api/results/sessions/${id(sessionId)}/template`, '成绩表.xlsx'),
  upload: (sessionId: string) => pickAndUploadSpreadsheet<ScoreImportReport>(`/api/results/sessions/${id(sessionId)}/scores`, ['xlsx']),
  publish: (sessionId: string) => staffApi<SessionResultsView>('POST', `/api/results/sessions/${id(sessionId)}/publish`),
  enter: (sessionId: string, applicationId: string, scores: Partial<Record<SubjectKind, string>>) =>
    staffApi<SessionResultsView>('PUT', `/api/results/sessions/${id(sessionId)}/candidates/${id(applicationId)}`, { scores }),
};

/** Misconduct records, by the proctor at the door or an admin afterwards. */
export const misconductApi = {
  record: (request: MisconductRequest) => staffApi<MisconductView>('POST', '/api/misconduct', request),
};

/** The body's certificates: hand-over recorded, revocation in bulk with a reason. */
export const certificatesApi = {
  list: (status?: 'valid' | 'revoked') => staffApi<CertificateView[]>('GET', `/api/certificates${status ? `?status=${status}` : ''}`),
  handOver: (id: string, trackingNo?: string) =>
    staffApi<CertificateView>('POST', `/api/certificates/${encodeURIComponent(id)}/hand-over`, trackingNo ? { trackingNo } : {}),
  revoke: (numbers: string[], reason: string) => staffApi<{ revoked: string[]; notFound: string[] }>('POST', '/api/certificates/revoke', { numbers, reason }),
};
