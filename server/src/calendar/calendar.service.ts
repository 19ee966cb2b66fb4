import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  calendarCoversYear,
  calendarYear,
  calendarYearIssues,
  DomainError,
  setEnteredCalendarYears,
  type CalendarYearRequest,
  type CalendarYearView,
} from '@skillcert/shared';
import type { Repository } from 'typeorm';
import type { StaffActor } from '../access';
import { Clock } from '../common/clock';
import { CalendarYearEntity } from './calendar-year.entity';

/**
 * The working-day years admins enter: kept in the database, and handed to the shared calendar on
 * every instance — at start-up, at once on the instance that saved, and within
 * CATALOG_REFRESH_SECONDS on the others (CalendarRefresh), so every ticket date and results date
 * is counted on the same days everywhere.
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  private readonly logger = new Logger(CalendarService.name);
  /** What this instance last handed to the calendar (the newest change it saw, and how many years); nothing yet at start-up. */
  private seen?: string;

  constructor(
    @InjectRepository(CalendarYearEntity) private readonly years: Repository<CalendarYearEntity>,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
  }

  year(year: number): CalendarYearView {
    return calendarYear(year);
  }

  /** A year the built-in calendar does not know, entered whole (a second entry replaces the first). */
  async save(actor: StaffActor, year: number, request: CalendarYearRequest): Promise<CalendarYearView> {
    if (calendarCoversYear(year)) throw new DomainError('CALENDAR_YEAR_BUILT_IN');
    const issues = calendarYearIssues(year, request);
    if (issues.length) throw new DomainError('VALIDATION_FAILED', `${issues[0]!.message}（${issues[0]!.path}）`, issues);
    await this.years.save({ year, holidays: request.holidays, workdays: request.workdays, updatedBy: actor.staffId, updatedAt: this.clock.now() });
    this.logger.log({ event: 'calendar-year-saved', year, holidays: request.holidays.length, workdays: request.workdays.length, by: actor.staffId });
    this.seen = undefined;
    await this.refresh();
    return calendarYear(year);
  }

  /** Reads the entered years again when any changed since this instance last looked: one small read when none did. */
  async refresh(): Promise<void> {
    const [latest] = await this.years.find({ select: { year: true, updatedAt: true }, order: { updatedAt: 'DESC' }, take: 1 });
    const count = latest ? await this.years.count() : 0;
    const mark = latest ? `${latest.updatedAt.getTime()}:${count}` : '';
    if (mark === this.seen) return;
    setEnteredCalendarYears(await this.years.find());
    this.seen = mark;
  }
}
