import type { RouteTable } from '../route';

/**
 * Answered for other callers than our app: the load balancer's health check, WeChat Pay's notifications,
 * the links to files the server hands out in its answers, and the rules as a service (the app evaluates
 * eligibility and the window itself, from the same shared rules).
 */
export const SERVICE_ROUTES = {
  health: 'GET /api/health',
  wechatPayNotify: 'POST /api/payments/wechat/notify',
  wechatRefundNotify: 'POST /api/payments/wechat/refund-notify',
  checkEligibility: 'POST /api/plans/:id/eligibility',
  applicationWindow: 'GET /api/plans/:id/window',
  readFile: 'GET /api/files/:id',
  readSignedFile: 'GET /api/files/:id/content',
} as const satisfies RouteTable;
