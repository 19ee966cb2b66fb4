import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarRefresh } from './calendar-refresh';
import { CalendarYearEntity } from './calendar-year.entity';
import { CalendarService } from './calendar.service';

/** The working-day calendar's years that admins enter, the same on every instance. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarYearEntity])],
  providers: [CalendarService, CalendarRefresh],
  exports: [CalendarService],
})
export class CalendarModule {}
