import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';

export const verifyCertificateSchema = z.object({
  number: z
    .pipe(
      z.string({ error: '请输入证书编号' }),
      z.transform((s) => s.trim().toUpperCase()),
    )
    .check(z.regex(/^[0-9A-Z]{8,20}$/, '证书编号格式不正确')),
  name: z
    .pipe(
      z.string({ error: '请输入持证人姓名' }),
      z.transform((s) => s.trim()),
    )
    .check(z.minLength(2, '请输入持证人姓名'), z.maxLength(30, '姓名过长')),
});
export type VerifyCertificateRequest = output<typeof verifyCertificateSchema>;

/** An individual holder picks up at the acceptance point, or has it sent postage-due to an address. */
export const collectionSchema = z
  .object({
    method: z.enum(['pickup', 'post'], { error: '请选择领取方式' }),
    address: z.optional(z.string().check(z.maxLength(200, '地址不能超过200字'))),
  })
  .check(z.refine((c) => c.method !== 'post' || (c.address?.trim().length ?? 0) >= 8, { message: '请填写详细的收件地址、收件人和电话', path: ['address'] }));
export type CollectionRequest = output<typeof collectionSchema>;

export const handOverSchema = z.object({ trackingNo: z.optional(z.string().check(z.maxLength(40, '快递单号过长'))) });
export type HandOverRequest = output<typeof handOverSchema>;

export const revokeCertificatesSchema = z.object({
  numbers: z.array(z.string().check(z.minLength(8), z.maxLength(20))).check(z.minLength(1, '请填写证书编号'), z.maxLength(500, '一次最多撤销500本')),
  reason: z.string({ error: '请写明撤销原因' }).check(z.minLength(4, '请写明撤销原因'), z.maxLength(200, '原因不能超过200字')),
});
export type RevokeCertificatesRequest = output<typeof revokeCertificatesSchema>;

/** 陈同学 → 陈*学; 王五 → 王*; 欧阳娜娜 → 欧**娜. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}
