/**
 * Every route the server answers, by name: the one place a path is written. The app calls routes by
 * these names (api/call.ts fills in the `:params`); the server's router is checked against this table
 * and its schemas (`endpoints.ts`) by a test, and the OpenAPI document is generated from both.
 *
 * Only methods and paths here — strings the phone needs at run time; the schemas live apart.
 */
export const ROUTES = {
  health: { method: 'GET', path: '/api/health' },

  listPlans: { method: 'GET', path: '/api/plans' },
  planDetail: { method: 'GET', path: '/api/plans/:id' },
  checkEligibility: { method: 'POST', path: '/api/plans/:id/eligibility' },
  applicationWindow: { method: 'GET', path: '/api/plans/:id/window' },

  signInWithWechat: { method: 'POST', path: '/api/auth/wechat' },
  signInInCloud: { method: 'POST', path: '/api/auth/wechat-cloud' },
  refreshSession: { method: 'POST', path: '/api/auth/refresh' },
  signOut: { method: 'POST', path: '/api/auth/logout' },
  demoLoginCode: { method: 'POST', path: '/api/auth/demo-code' },

  me: { method: 'GET', path: '/api/me' },
  saveProfile: { method: 'PUT', path: '/api/me/profile' },
  savePhone: { method: 'POST', path: '/api/me/phone' },
  demoPhoneCode: { method: 'POST', path: '/api/me/phone/demo-code' },
  subscriptions: { method: 'GET', path: '/api/me/subscriptions' },
  recordSubscriptions: { method: 'POST', path: '/api/me/subscriptions' },

  apply: { method: 'POST', path: '/api/applications' },
  myApplications: { method: 'GET', path: '/api/applications' },
  claimApplications: { method: 'POST', path: '/api/applications/claim' },
  standing: { method: 'GET', path: '/api/applications/standing' },
  application: { method: 'GET', path: '/api/applications/:id' },
  resubmit: { method: 'PUT', path: '/api/applications/:id' },
  applyMakeup: { method: 'POST', path: '/api/applications/:id/makeup' },
  noteTransfer: { method: 'POST', path: '/api/applications/:id/transfer-notice' },
  withdraw: { method: 'POST', path: '/api/applications/:id/withdraw' },
  visitSlots: { method: 'GET', path: '/api/visit-slots' },
  bookVisit: { method: 'PUT', path: '/api/applications/:id/visit' },
  cancelVisit: { method: 'DELETE', path: '/api/applications/:id/visit' },
  ticket: { method: 'GET', path: '/api/applications/:id/ticket' },
  ticketPdf: { method: 'GET', path: '/api/applications/:id/ticket.pdf' },
  chooseCollection: { method: 'PUT', path: '/api/applications/:id/certificate/collection' },
  payByWechat: { method: 'POST', path: '/api/applications/:id/payments/wechat' },
  checkWechatPayment: { method: 'POST', path: '/api/applications/:id/payments/wechat/check' },
  demoCompletePayment: { method: 'POST', path: '/api/applications/:id/payments/wechat/demo-complete' },
  wechatPayNotify: { method: 'POST', path: '/api/payments/wechat/notify' },
  wechatRefundNotify: { method: 'POST', path: '/api/payments/wechat/refund-notify' },

  uploadFile: { method: 'POST', path: '/api/files' },
  readFile: { method: 'GET', path: '/api/files/:id' },
  readSignedFile: { method: 'GET', path: '/api/files/:id/content' },

  staffSignIn: { method: 'POST', path: '/api/staff/login' },
  staffMe: { method: 'GET', path: '/api/staff/me' },
  changePassword: { method: 'PUT', path: '/api/staff/me/password' },
  staffAccounts: { method: 'GET', path: '/api/staff/accounts' },
  createStaffAccount: { method: 'POST', path: '/api/staff/accounts' },
  disableStaffAccount: { method: 'POST', path: '/api/staff/accounts/:id/disable' },
  enableStaffAccount: { method: 'POST', path: '/api/staff/accounts/:id/enable' },
  resetStaffPassword: { method: 'POST', path: '/api/staff/accounts/:id/reset-password' },
  revokeStaffSessions: { method: 'POST', path: '/api/staff/accounts/:id/revoke-sessions' },

  reviewQueue: { method: 'GET', path: '/api/review/applications' },
  reviewItem: { method: 'GET', path: '/api/review/applications/:id' },
  reviewByVisitCode: { method: 'GET', path: '/api/review/visits/:code' },
  revealResidentId: { method: 'POST', path: '/api/review/applications/:id/resident-id' },
  approve: { method: 'POST', path: '/api/review/applications/:id/approve' },
  returnForCorrection: { method: 'POST', path: '/api/review/applications/:id/return' },
  reject: { method: 'POST', path: '/api/review/applications/:id/reject' },
  cancelByBody: { method: 'POST', path: '/api/review/applications/:id/cancel' },
  auditTrail: { method: 'GET', path: '/api/review/audit' },
  approveBatch: { method: 'POST', path: '/api/review/batches/:id/approve' },

  rosterTemplate: { method: 'GET', path: '/api/institution/batches/roster-template' },
  batches: { method: 'GET', path: '/api/institution/batches' },
  createBatch: { method: 'POST', path: '/api/institution/batches' },
  batch: { method: 'GET', path: '/api/institution/batches/:id' },
  importRoster: { method: 'POST', path: '/api/institution/batches/:id/roster' },
  attachMemberMaterials: { method: 'PUT', path: '/api/institution/batches/:id/members/:applicationId/materials' },
  prereview: { method: 'POST', path: '/api/institution/batches/:id/prereview' },
  submitBatch: { method: 'POST', path: '/api/institution/batches/:id/submit' },
  batchPayment: { method: 'GET', path: '/api/institution/batches/:id/payment' },
  orderBatchPayment: { method: 'POST', path: '/api/institution/batches/:id/payments/wechat' },
  demoCompleteBatchPayment: { method: 'POST', path: '/api/institution/batches/:id/payments/wechat/demo-complete' },
  batchTicketsPdf: { method: 'GET', path: '/api/institution/batches/:id/tickets.pdf' },

  importStatement: { method: 'POST', path: '/api/finance/statements' },
  statementColumns: { method: 'GET', path: '/api/finance/statement-columns' },
  statementLayout: { method: 'POST', path: '/api/finance/statement-columns/layout' },
  saveStatementColumns: { method: 'PUT', path: '/api/finance/statement-columns' },
  credits: { method: 'GET', path: '/api/finance/credits' },
  confirmCredit: { method: 'POST', path: '/api/finance/credits/:id/confirm' },
  creditCandidates: { method: 'GET', path: '/api/finance/credits/:id/applications' },
  ignoreCredit: { method: 'POST', path: '/api/finance/credits/:id/ignore' },

  sessions: { method: 'GET', path: '/api/sessions' },
  createSession: { method: 'POST', path: '/api/sessions' },

  examDaySessions: { method: 'GET', path: '/api/exam-day/sessions' },
  nextExamDay: { method: 'GET', path: '/api/exam-day/next' },
  attendance: { method: 'GET', path: '/api/exam-day/sessions/:id/attendance' },
  candidateAtDoor: { method: 'GET', path: '/api/exam-day/sessions/:id/tickets/:ticketNo' },
  checkIn: { method: 'POST', path: '/api/exam-day/sessions/:id/check-ins' },

  sessionResults: { method: 'GET', path: '/api/results/sessions/:id' },
  scoreSheetTemplate: { method: 'GET', path: '/api/results/sessions/:id/template' },
  importScores: { method: 'POST', path: '/api/results/sessions/:id/scores' },
  enterScores: { method: 'PUT', path: '/api/results/sessions/:id/candidates/:applicationId' },
  publishResults: { method: 'POST', path: '/api/results/sessions/:id/publish' },

  recordMisconduct: { method: 'POST', path: '/api/misconduct' },
  misconductRecords: { method: 'GET', path: '/api/misconduct' },

  verifyCertificate: { method: 'GET', path: '/api/public/certificates/verify' },
  certificates: { method: 'GET', path: '/api/certificates' },
  handOverCertificate: { method: 'POST', path: '/api/certificates/:id/hand-over' },
  revokeCertificates: { method: 'POST', path: '/api/certificates/revoke' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: `/api/${string}` }>;

export type RouteName = keyof typeof ROUTES;
export type Method = (typeof ROUTES)[RouteName]['method'];

/** ':id' in a path becomes a required `id`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type PathParams<K extends RouteName> = { [Name in ParamNames<(typeof ROUTES)[K]['path']>]: string };

/** The path with its parameters filled in, each encoded. */
export function pathOf<K extends RouteName>(name: K, params: PathParams<K>): string {
  const values = params as Record<string, string>;
  return ROUTES[name].path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${name}: missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}
