import * as z from 'zod/mini';
import { isoDate, object, text } from './fields';

const calendarDay = object({ date: isoDate, name: text });

/** A year's working-day arrangement: confirmed when the built-in calendar covers it or an admin entered it. */
export const calendarYearViewSchema = object({
  year: z.int(),
  confirmed: z.boolean(),
  source: z.enum(['calendar', 'entered', 'none']),
  holidays: z.array(calendarDay),
  workdays: z.array(calendarDay),
});
