import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';

/** A ticket number as printed and as the proctor types it: the session date and a running number. */
export const ticketNoSchema = z
  .pipe(
    z.string({ error: '请输入准考证号' }),
    z.transform((s) => s.replace(/\s+/g, '')),
  )
  .check(z.regex(/^\d{10}$/, '准考证号为10位数字'));

export const checkInSchema = z.object({ ticketNo: ticketNoSchema });
export type CheckInRequest = output<typeof checkInSchema>;
