import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { parseResidentId } from '../residentId';

/**
 * Sign-in and real-name profile requests. The name must be exactly as on the
 * ID card: Chinese characters with the middle dot of minority names, or Latin
 * letters for foreign-born holders.
 */
const REAL_NAME = /^[\u4e00-\u9fff\u3400-\u4dbf·•]{2,30}$|^[A-Za-z][A-Za-z .·-]{1,58}[A-Za-z]$/;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export const wechatLoginSchema = z.object({ code: z.string({ error: '缺少登录凭证' }).check(z.minLength(1, '缺少登录凭证'), z.maxLength(128)) });
export type WechatLoginRequest = output<typeof wechatLoginSchema>;

export const phoneCodeSchema = z.object({ code: z.string({ error: '缺少手机号授权凭证' }).check(z.minLength(1, '缺少手机号授权凭证'), z.maxLength(128)) });

export const realNameSchema = z
  .pipe(
    z.string({ error: '请填写姓名' }),
    z.transform((s) => s.trim()),
  )
  .check(z.refine((s) => REAL_NAME.test(s), { message: '请填写与身份证一致的姓名' }));

export const residentIdSchema = z
  .pipe(
    z.string({ error: '请填写身份证号码' }),
    z.transform((s) => s.trim().toUpperCase()),
  )
  .check(
    z.superRefine((id, ctx) => {
      const parsed = parseResidentId(id);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error, input: id });
    }),
  );

export const profileRequestSchema = z.object({
  name: realNameSchema,
  residentId: residentIdSchema,
  email: z.optional(
    z
      .pipe(
        z.string(),
        z.transform((s) => s.trim()),
      )
      .check(
        z.refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: '邮箱格式不正确' }),
        z.maxLength(100, '邮箱过长'),
      ),
  ),
});
export type ProfileRequest = output<typeof profileRequestSchema>;

/** '139****0001' — a phone number as it is shown back (the school's roster, the claim), never whole. */
export function maskPhone(phone: string): string {
  return phone.length < 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function isMainlandMobile(phone: string): boolean {
  return MAINLAND_MOBILE.test(phone);
}
