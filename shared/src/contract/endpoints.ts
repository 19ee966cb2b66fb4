import type { $ZodType } from 'zod/v4/core';
import { collectionSchema, handOverSchema, revokeCertificatesSchema, verifyCertificateSchema } from '../schemas/certificates';
import {
  applicationRequestSchema,
  approveSchema,
  auditQuerySchema,
  bookVisitSchema,
  fileLinkQuerySchema,
  rejectSchema,
  residentIdCorrectionSchema,
  resubmitSchema,
  returnSchema,
  reviewQuerySchema,
  transferNoticeSchema,
  visitCodeParamSchema,
} from '../schemas/applications';
import { bulkApproveSchema, createBatchSchema, memberMaterialsSchema, memberParamSchema, prereviewSchema } from '../schemas/batches';
import { checkInSchema } from '../schemas/examDay';
import { phoneCodeSchema, profileRequestSchema, wechatLoginSchema } from '../schemas/identity';
import { createExamSessionSchema, eligibilityRequestSchema, idParamSchema, planQuerySchema, windowQuerySchema } from '../schemas/index';
import { misconductSchema } from '../schemas/misconduct';
import { confirmCreditSchema, creditQuerySchema, refundQuerySchema, statementColumnsSchema } from '../schemas/payments';
import { calendarYearParamSchema, calendarYearRequestSchema } from '../schemas/calendar';
import { clonePlanSchema, editPlanSchema, planNoticeSchema } from '../schemas/planEditions';
import { changePasswordSchema, createStaffSchema, resetPasswordSchema, staffLoginSchema } from '../schemas/staff';
import { subscriptionChoicesSchema } from '../schemas/subscriptions';
import {
  applicationQuerySchema,
  certificateStatusQuerySchema,
  demoPersonaSchema,
  demoPhoneSchema,
  enterScoresSchema,
  examDayQuerySchema,
  sessionCandidateParamSchema,
  ticketParamSchema,
} from './requests';
import type { RouteName } from './routes';
import * as views from './views';
import * as z from 'zod/mini';

export const PDF = 'application/pdf';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An upload is read back as it was checked in: a JPEG, a PNG or a PDF. */
const UPLOADED = '*/*';

/**
 * What a route takes and gives. `response` is the JSON schema of a 2xx answer; `null` means no body
 * (204); `file` a download of that type. `upload` is a multipart request with one part named `file`.
 */
export interface Endpoint {
  summary: string;
  params?: $ZodType;
  query?: $ZodType;
  body?: $ZodType;
  upload?: true;
  response: $ZodType | null | { file: string };
  /** Answered 201 Created (what it makes is in the body); any other success of a POST is 200. */
  created?: true;
  /** Only in demo and test modes: the H5 demo's stand-ins for what WeChat does on a phone. */
  demo?: true;
  /** Called by WeChat Pay, not by the app: signed by WeChat, answered in WeChat's own shape. */
  wechat?: true;
}

const id = idParamSchema;
const list = <T extends $ZodType>(item: T) => z.array(item);

export const ENDPOINTS = {
  health: { summary: '服务与数据库状态（数据库不可用时 503）', response: views.healthSchema },

  listPlans: { summary: '认定计划列表', response: list(views.planSummarySchema) },
  planDetail: { summary: '认定计划详情：规则包，受理点此刻是否办公', params: id, response: views.planDetailSchema },
  checkEligibility: { summary: '申报条件自测：满足哪一条，或还差什么', params: id, body: eligibilityRequestSchema, response: views.eligibilityResponseSchema },
  applicationWindow: { summary: '某日某等级是否可申报', params: id, query: windowQuerySchema, response: views.windowResponseSchema },

  signInWithWechat: { summary: '微信登录（wx.login 的 code 换会话）', body: wechatLoginSchema, response: views.sessionResponseSchema },
  signInInCloud: { summary: '微信云托管登录（openid 由云托管请求头给出）', response: views.sessionResponseSchema },
  refreshSession: { summary: '续期会话', response: views.renewedSessionSchema },
  signOut: { summary: '退出登录', response: null },
  demoLoginCode: { summary: '演示：模拟微信登录 code', body: demoPersonaSchema, response: views.demoCodeSchema, demo: true },

  me: { summary: '当前考生与实名信息（身份证号脱敏）', response: views.meResponseSchema },
  saveProfile: { summary: '保存实名信息', body: profileRequestSchema, response: views.meResponseSchema },
  savePhone: { summary: '绑定微信手机号', body: phoneCodeSchema, response: views.meResponseSchema },
  demoPhoneCode: { summary: '演示：模拟手机号授权 code', body: demoPhoneSchema, response: views.demoCodeSchema, demo: true },
  subscriptions: { summary: '可订阅的消息与剩余次数', response: views.subscriptionsViewSchema },
  recordSubscriptions: { summary: '记录订阅消息授权结果', body: subscriptionChoicesSchema, response: views.subscriptionsViewSchema },

  apply: { summary: '个人申报', created: true, body: applicationRequestSchema, response: views.applicationViewSchema },
  myApplications: { summary: '我的报名', response: list(views.applicationViewSchema) },
  claimApplications: { summary: '认领学校代为申报的报名', response: list(views.applicationViewSchema) },
  standing: { summary: '申报资格：是否在禁考期内', response: views.applicantStandingSchema },
  application: { summary: '一条报名', params: id, response: views.applicationViewSchema },
  resubmit: { summary: '退回后修改并重新提交', params: id, body: resubmitSchema, response: views.applicationViewSchema },
  applyMakeup: { summary: '申请补考', created: true, params: id, response: views.applicationViewSchema },
  noteTransfer: { summary: '我已转账：付款人户名', params: id, body: transferNoticeSchema, response: views.applicationViewSchema },
  withdraw: { summary: '撤回报名', params: id, response: views.applicationViewSchema },
  visitSlots: { summary: '可预约的现场核验时段', query: planQuerySchema, response: list(views.visitSlotViewSchema) },
  bookVisit: { summary: '预约现场核验', params: id, body: bookVisitSchema, response: views.applicationViewSchema },
  cancelVisit: { summary: '取消现场核验预约', params: id, response: views.applicationViewSchema },
  ticket: { summary: '准考证', params: id, response: views.ticketViewSchema },
  ticketPdf: { summary: '准考证 PDF', params: id, response: { file: PDF } },
  chooseCollection: { summary: '选择证书领取方式', params: id, body: collectionSchema, response: views.certificateViewSchema },
  payByWechat: { summary: '微信支付下单（小程序调起支付的参数）', params: id, response: views.wechatPaymentStartSchema },
  checkWechatPayment: { summary: '向微信查询支付结果', params: id, response: views.applicationViewSchema },
  demoCompletePayment: { summary: '演示：模拟微信支付完成', params: id, response: views.applicationViewSchema, demo: true },
  wechatPayNotify: { summary: '微信支付结果通知（微信签名）', response: null, wechat: true },
  wechatRefundNotify: { summary: '微信退款结果通知（微信签名）', response: null, wechat: true },

  uploadFile: { summary: '上传材料照片或 PDF', created: true, upload: true, response: views.uploadedFileViewSchema },
  readFile: { summary: '读取已上传的文件', params: id, response: { file: UPLOADED } },
  readSignedFile: { summary: '以签名链接读取文件（一小时内有效）', params: id, query: fileLinkQuerySchema, response: { file: UPLOADED } },

  calendarYear: { summary: '某年的法定节假日与调休安排（是否已确认）', params: calendarYearParamSchema, response: views.calendarYearViewSchema },
  saveCalendarYear: {
    summary: '录入某年的节假日安排（内置日历尚未收录的年份，管理员）',
    params: calendarYearParamSchema,
    body: calendarYearRequestSchema,
    response: views.calendarYearViewSchema,
  },
  staffPlans: { summary: '本机构的认定计划（草稿、已发布、已结束）与版本', response: list(views.staffPlanSummarySchema) },
  clonePlan: { summary: '复制一个计划为新计划的草稿（如下一年度）', created: true, body: clonePlanSchema, response: views.staffPlanViewSchema },
  staffPlan: { summary: '一个计划：正在编辑的版本、公告原文与修改记录', params: id, response: views.staffPlanViewSchema },
  editPlan: { summary: '修改计划（整份）：已发布的计划开始下一版本，考生所见不变', params: id, body: editPlanSchema, response: views.staffPlanViewSchema },
  setPlanNotice: { summary: '公告全文：计划中考生所见的文字须出自此文', params: id, body: planNoticeSchema, response: views.staffPlanViewSchema },
  publishPlan: { summary: '发布：文字均出自公告、所涉年份的节假日已确认', params: id, response: views.staffPlanViewSchema },
  staffSignIn: { summary: '工作人员登录', body: staffLoginSchema, response: views.staffSessionResponseSchema },
  staffMe: { summary: '当前工作人员', response: views.staffProfileSchema },
  changePassword: { summary: '修改密码', body: changePasswordSchema, response: null },
  staffAccounts: { summary: '本机构的工作人员账号', response: list(views.staffProfileSchema) },
  createStaffAccount: { summary: '开设账号', created: true, body: createStaffSchema, response: views.staffProfileSchema },
  disableStaffAccount: { summary: '停用账号', params: id, response: views.staffProfileSchema },
  enableStaffAccount: { summary: '启用账号', params: id, response: views.staffProfileSchema },
  resetStaffPassword: { summary: '重置为临时密码', params: id, body: resetPasswordSchema, response: views.staffProfileSchema },
  revokeStaffSessions: { summary: '让该账号所有登录失效', params: id, response: views.revokedSessionsSchema },

  reviewQueue: { summary: '待审核的报名', query: reviewQuerySchema, response: list(views.reviewItemSchema) },
  reviewItem: { summary: '一条报名（审核视角）', params: id, response: views.reviewItemSchema },
  reviewByVisitCode: { summary: '按现场核验预约码查报名', params: visitCodeParamSchema, response: views.reviewItemSchema },
  revealResidentId: { summary: '查看完整身份证号（记入审计）', params: id, response: views.residentIdRevealSchema },
  correctResidentId: { summary: '核对原件后更正考生身份证号（记入审计）', params: id, body: residentIdCorrectionSchema, response: views.reviewItemSchema },
  approve: { summary: '审核通过', params: id, body: approveSchema, response: views.reviewItemSchema },
  returnForCorrection: { summary: '退回修改', params: id, body: returnSchema, response: views.reviewItemSchema },
  reject: { summary: '审核不通过', params: id, body: rejectSchema, response: views.reviewItemSchema },
  cancelByBody: { summary: '评价机构取消报名（已缴费的退款）', params: id, body: rejectSchema, response: views.applicationViewSchema },
  auditTrail: { summary: '审核记录', query: auditQuerySchema, response: list(views.auditEntryViewSchema) },
  approveBatch: { summary: '整批审核通过（例外逐人退回或不通过）', params: id, body: bulkApproveSchema, response: views.bulkApproveResultSchema },

  rosterTemplate: { summary: '团体申报名单模板', response: { file: XLSX } },
  batches: { summary: '本机构的申报批次', response: list(views.batchViewSchema) },
  createBatch: { summary: '新建申报批次', created: true, body: createBatchSchema, response: views.batchViewSchema },
  batch: { summary: '一个申报批次', params: id, response: views.batchViewSchema },
  importRoster: { summary: '导入名单（Excel）', params: id, upload: true, response: views.rosterReportSchema },
  attachMemberMaterials: { summary: '为学员上传材料', params: memberParamSchema, body: memberMaterialsSchema, response: views.batchViewSchema },
  prereview: { summary: '机构初审', params: id, body: prereviewSchema, response: views.batchViewSchema },
  submitBatch: { summary: '提交批次', params: id, response: views.batchViewSchema },
  batchPayment: { summary: '批次应缴费用', params: id, response: views.batchPaymentViewSchema },
  orderBatchPayment: { summary: '批次微信支付下单（扫码支付）', params: id, response: views.batchPaymentViewSchema },
  demoCompleteBatchPayment: { summary: '演示：模拟批次支付完成', params: id, response: views.batchPaymentViewSchema, demo: true },
  batchTicketsPdf: { summary: '批次准考证 PDF', params: id, response: { file: PDF } },

  importStatement: { summary: '导入银行流水', upload: true, response: views.statementImportResultSchema },
  statementColumns: { summary: '已保存的流水列对应', response: views.statementColumnsViewSchema },
  statementLayout: { summary: '识别流水文件的表头', upload: true, response: views.statementColumnsViewSchema },
  saveStatementColumns: { summary: '保存流水列对应', body: statementColumnsSchema, response: views.statementColumnsViewSchema },
  credits: { summary: '流水入账记录', query: creditQuerySchema, response: list(views.bankCreditViewSchema) },
  confirmCredit: { summary: '确认款项对应的报名', params: id, body: confirmCreditSchema, response: views.bankCreditViewSchema },
  creditCandidates: { summary: '可能对应这笔款项的待缴费报名', params: id, response: list(views.pendingFeeViewSchema) },
  ignoreCredit: { summary: '忽略与报名无关的款项', params: id, response: null },
  refunds: { summary: '应退款项（重复缴费、已取消报名的缴费、金额不符的到账）', query: refundQuerySchema, response: list(views.refundItemViewSchema) },
  refundSent: { summary: '登记银行转账已退回付款账户', params: id, response: views.refundItemViewSchema },

  sessions: { summary: '考试场次', query: planQuerySchema, response: list(views.examSessionViewSchema) },
  createSession: { summary: '开设场次', created: true, body: createExamSessionSchema, response: views.examSessionViewSchema },

  examDaySessions: { summary: '某日的场次（默认今天）', query: examDayQuerySchema, response: list(views.examDaySessionViewSchema) },
  nextExamDay: { summary: '下一个考试日', response: views.nextExamDayViewSchema },
  attendance: { summary: '场次签到情况', params: id, response: views.attendanceViewSchema },
  candidateAtDoor: { summary: '按准考证号查考生', params: ticketParamSchema, response: views.candidateAtDoorSchema },
  checkIn: { summary: '签到', params: id, body: checkInSchema, response: views.attendanceViewSchema },

  sessionResults: { summary: '场次成绩', params: id, response: views.sessionResultsViewSchema },
  scoreSheetTemplate: { summary: '成绩登记表（Excel）', params: id, response: { file: XLSX } },
  importScores: { summary: '导入成绩登记表', params: id, upload: true, response: views.scoreImportReportSchema },
  enterScores: { summary: '录入一名考生的成绩', params: sessionCandidateParamSchema, body: enterScoresSchema, response: views.sessionResultsViewSchema },
  publishResults: { summary: '发布成绩', params: id, response: views.sessionResultsViewSchema },

  recordMisconduct: { summary: '记录违纪', created: true, body: misconductSchema, response: views.misconductViewSchema },
  misconductRecords: { summary: '一名考生的违纪记录', query: applicationQuerySchema, response: list(views.misconductViewSchema) },

  verifyCertificate: { summary: '证书查验（编号与姓名）', query: verifyCertificateSchema, response: views.certificateVerificationSchema },
  certificates: { summary: '本机构颁发的证书', query: certificateStatusQuerySchema, response: list(views.certificateViewSchema) },
  handOverCertificate: { summary: '登记证书已交付（自取或寄出）', params: id, body: handOverSchema, response: views.certificateViewSchema },
  revokeCertificates: { summary: '批量撤销证书', body: revokeCertificatesSchema, response: views.revokedCertificatesSchema },
} as const satisfies Record<RouteName, Endpoint>;

type Endpoints = typeof ENDPOINTS;
type Output<S> = S extends $ZodType ? z.output<S> : never;
type Input<S> = S extends $ZodType ? z.input<S> : never;

/** What a route answers, typed from its schema; `void` for no body. */
export type ResponseOf<K extends RouteName> = Endpoints[K]['response'] extends null ? void : Output<Endpoints[K]['response']>;
/** What a caller sends: the body and query as the schema accepts them (defaults may be left out). */
export type BodyOf<K extends RouteName> = Endpoints[K] extends { body: infer B } ? Input<B> : never;
export type QueryOf<K extends RouteName> = Endpoints[K] extends { query: infer Q } ? Input<Q> : never;

/** Routes answered with JSON, and routes answered with a file. */
export type JsonRouteName = { [K in RouteName]: Endpoints[K]['response'] extends { file: string } ? never : K }[RouteName];
export type FileRouteName = { [K in RouteName]: Endpoints[K]['response'] extends { file: string } ? K : never }[RouteName];
export type UploadRouteName = { [K in RouteName]: Endpoints[K] extends { upload: true } ? K : never }[RouteName];

/**
 * What is wrong with a route's successful JSON answer by its schema, or undefined when it is right:
 * the server's tests and the app's development build ask this of every answer.
 */
export function answerBreach(name: RouteName, answer: unknown): string | undefined {
  const expected: Endpoint['response'] = ENDPOINTS[name].response;
  if (expected === null) return answer === undefined || answer === '' ? undefined : 'expected no body';
  if ('file' in expected) return undefined;
  const parsed = z.safeParse(expected, answer);
  return parsed.success ? undefined : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
