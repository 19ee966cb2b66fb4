import { Body, Controller, Param } from '@nestjs/common';
import type { CalendarYearRequest } from '@skillcert/shared';
import type { StaffActor } from '../access';
import { Allow, CurrentStaff } from '../auth';
import { CalendarService } from '../calendar';
import { Endpoint } from './endpoint';

@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Public: which days of a year are worked, and whether that is known or still a guess. */
  @Endpoint('calendarYear')
  year(@Param() { year }: { year: number }) {
    return this.calendar.year(year);
  }

  /** The State Council's arrangement for a year the built-in calendar does not know yet. */
  @Endpoint('saveCalendarYear')
  @Allow('admin')
  save(@CurrentStaff() actor: StaffActor, @Param() { year }: { year: number }, @Body() body: CalendarYearRequest) {
    return this.calendar.save(actor, year, body);
  }
}
