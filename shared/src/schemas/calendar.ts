import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { isoDateSchema } from './index';

/** A year in the address: /api/calendar/2027. */
export const calendarYearParamSchema = z.object({
  year: z.pipe(
    z.string().check(z.regex(/^(20[2-9]\d)$/, '年份应为 2020 至 2099 之间的四位数字')),
    z.transform((year) => Number(year)),
  ),
});

const calendarDaySchema = z.object({
  date: isoDateSchema,
  name: z.string({ error: '请填写名称' }).check(z.trim(), z.minLength(1, '请填写名称（如 元旦、春节）'), z.maxLength(20, '名称不超过20个字')),
});

/** A year's arrangement as the State Council published it: the days off, and the weekend days worked in exchange (调休). */
export const calendarYearRequestSchema = z.object({
  holidays: z.array(calendarDaySchema).check(z.minLength(1, '请录入放假日期'), z.maxLength(60, '放假日期过多')),
  workdays: z._default(z.array(calendarDaySchema).check(z.maxLength(20, '调休上班日过多')), []),
});
export type CalendarYearRequest = output<typeof calendarYearRequestSchema>;
