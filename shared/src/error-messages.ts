import { COMMON_ERROR_MESSAGES, type DomainError, type ErrorBody, type ErrorCode } from './errors';

/**
 * Every error a user can meet, with its stable code and the Chinese message
 * the app shows as is. The server maps codes to HTTP statuses in one place;
 * the app branches on codes, never on message text.
 */
export const ERROR_MESSAGES = {
  ...COMMON_ERROR_MESSAGES,
  PLAN_NOT_FOUND: '未找到该认定计划',
  LEVEL_NOT_OFFERED: '该认定计划不开展此等级的认定',
  SUBJECT_NOT_OFFERED: '该等级不包含所选考核科目',
  RESIDENT_ID_INVALID: '身份证号码无效',
  MISCONDUCT_SEVERITY_REQUIRED: '该违纪行为须注明情节轻微或严重',
  TRANSITION_NOT_ALLOWED: '当前状态下不能进行此操作',
  CERTIFICATE_NOT_ISSUED: '证书尚未颁发',
  COLLECTION_BY_INSTITUTION: '团体申报的证书由学校（机构）统一领取',
  CERTIFICATE_HANDED_OVER: '证书已发出，不能再更改领取方式',
  BATCH_NOT_SUBMITTED: '该批次尚未由机构提交',
  BATCH_SUBMITTED: '该批次已提交，不能再修改',
  CREDIT_ALREADY_DECIDED: '这笔款项已经处理过',
  VISIT_AFTER_VERDICT: '该申报已有审核结论，无需再预约现场核验',
  APPLICATION_WINDOW_CLOSED: '当前不在申报时间内',
  VISIT_CODE_UNKNOWN: '未找到该预约码对应的申报，请核对后重试',
  NOT_IN_BATCH: '部分学员不在本批次中或已提交',
  GROUP_APPLICATION_NOT_FOUND: '未找到与您的实名信息和微信绑定手机号相符的团体申报，请向学校核对登记的手机号',
  CORRECTION_ITEM_UNKNOWN: '退回项目不属于本申报',
  TRACKING_NO_REQUIRED: '快递到付须填写快递单号',
  MISCONDUCT_ACT_UNKNOWN: '所选行为不是该条款所列的违纪行为',
  OWN_ACCOUNT: '不能停用自己的账号',
  NOT_FOUND: '未找到请求的内容',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重新进入小程序后再试',
  WECHAT_PHONE_FAILED: '获取手机号失败，请重新授权',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  WECHAT_RATE_LIMITED: '操作过于频繁，请稍后再试',
  WECHAT_ACCOUNT_RISKY: '微信账号存在风险，暂时无法登录',
  RESIDENT_ID_TAKEN: '该身份证号码已被其他账号实名登记。如非本人操作，请联系受理点处理',
  PROFILE_INCOMPLETE: '请先完成实名信息登记',
  PHONE_NOT_VERIFIED: '请先绑定微信手机号：学校登记名单时所留的手机号须与之一致',
  FORBIDDEN: '没有权限进行此操作',
  LOGIN_FAILED: '用户名或密码错误',
  LOGIN_LOCKED: '登录失败次数过多，请15分钟后再试',
  ACCOUNT_DISABLED: '该账号已停用，请联系管理员',
  PASSWORD_CHANGE_REQUIRED: '请先设置新密码，再继续使用',
  PASSWORD_WRONG: '当前密码不正确',
  USERNAME_TAKEN: '该用户名已被使用',
  SESSION_DATE_INVALID: '考核日期不在认定计划允许的范围内',
  SEAT_SOLD_OUT: '该场次已满，请选择其他场次',
  SESSION_CLOSED: '该场次已开考或成绩已发布，不再安排考位',
  RESULTS_TOO_EARLY: '考核尚未结束，不能发布成绩',
  APPLICATION_ACTIVE_EXISTS: '您已有一份该职业该等级的报名正在办理中，请勿重复申报',
  NOT_ELIGIBLE: '暂不符合申报条件',
  FILE_TYPE_NOT_ALLOWED: '只能上传 JPG、PNG 图片或 PDF 文件',
  FILE_TOO_LARGE: '文件过大：图片不超过5 MB，PDF 不超过10 MB',
  FILE_EMPTY: '文件是空的，请重新选择',
  PDF_ACTIVE_CONTENT: 'PDF 中含有脚本、附件或表单动作，不能上传。请另存为普通 PDF 或拍照上传',
  IMAGE_DAMAGED: '图片文件已损坏或不完整，请重新拍照上传',
  UPLOAD_QUOTA_EXCEEDED: '上传的文件已达上限。未用于报名的文件会在一天后自动清除，请稍后再试',
  MATERIALS_INCOMPLETE: '申报材料不完整，请按提示补充',
  VISIT_SLOT_FULL: '该时段已约满，请选择其他时段',
  VISIT_SLOT_UNAVAILABLE: '该时段不可预约，请在受理点办公时间内选择',
  VISIT_NOT_NEEDED: '该申报无需预约现场核验',
  ROSTER_INVALID: '名单文件无法读取，请使用下载的模板填写',
  BATCH_EMPTY: '批次中没有可提交的学员',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
  PAYMENT_UNAVAILABLE: '微信支付暂时不可用，请稍后再试或选择银行转账',
  PAYMENT_NOT_DUE: '当前没有需要缴纳的费用',
  ON_WAITING_LIST: '您在候补名单中，安排考位后再缴费',
  BATCH_NOTHING_DUE: '本批次暂无待缴费的学员',
  CREDIT_AMOUNT_MISMATCH: '到账金额与应缴金额不符',
  PAYMENT_DEADLINE_PASSED: '缴费期限已过，考位已释放',
  PAYMENT_BY_SCHOOL: '学校已为全班下单统一缴费，请勿重复支付；如需自行缴费，请联系学校取消该订单',
  PAYMENT_NOTIFICATION_INVALID: '支付通知验证失败',
  STATEMENT_INVALID: '对账单无法读取',
  TICKET_UNKNOWN: '未找到该准考证，请核对准考证号',
  TICKET_WRONG_SESSION: '该准考证不属于本场次',
  SESSION_NOT_TODAY: '该场次不在今天，不能签到',
  ALREADY_CHECKED_IN: '该考生已签到',
  CERTIFICATE_NOT_FOUND: '未查到该证书，请核对证书编号和持证人姓名',
  MAKEUP_NOT_ALLOWED: '不能申请补考',
  MAKEUP_ALREADY_APPLIED: '已申请过补考，请在补考申请中查看进度',
  MAKEUP_FORFEIT_UNCONFIRMED: '重新申报将放弃补考机会，请确认后再提交',
  APPLICANT_BANNED: '因违反参评纪律，暂不得参加评价',
  RESIDENT_ID_NOT_REVEALABLE: '只能在现场核验个人申报（审核中）时查看完整身份证号码',
  RESIDENT_ID_LOCKED: '已有报名记录，身份证号码不能自行修改。如登记有误，请持身份证原件到受理点由工作人员更正',
  REFUND_NOT_OWED: '这笔款项不是待财务退回的转账，或已办理',
  NOT_IN_SESSION: '该考生不在本场次',
  RESULTS_PUBLISHED: '本场次成绩已发布，不能再修改',
  RESULTS_INCOMPLETE: '还有考生没有成绩，不能发布',
  PUBLISH_BY_OTHER: '成绩须由录入人以外的工作人员发布',
  SCORE_SHEET_INVALID: '成绩表无法读取，请使用下载的模板填写',
  TICKET_NOT_AVAILABLE: '缴费成功并安排考位后才有准考证',
  TICKET_NOT_YET: '准考证尚未开放下载',
  TICKET_PDF_UNAVAILABLE: '准考证PDF暂时无法生成，请在小程序中查看准考证',
  STATEMENT_COLUMNS_UNKNOWN: '未能识别对账单的列，请指定交易时间、金额、付款人和附言各在哪一列（只需设置一次）',
  WECHAT_NOT_LINKED: '请在微信小程序中登录后再使用微信支付',
  EDITED_CONCURRENTLY: '内容刚刚被其他人修改，请刷新后重试',
  // A transaction lost to others too often (deadlocks), or the database is saturated: answered 503 with Retry-After.
  SYSTEM_BUSY: '系统繁忙，请稍后再试',
} as const;

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
