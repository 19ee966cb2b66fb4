import type { CalendarDay } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

const json = <T>() => ({ to: (value: T) => JSON.stringify(value), from: (raw: string) => JSON.parse(raw) as T });

/** A year's working-day arrangement an admin entered, because the built-in calendar does not know the year yet. */
@Entity('calendar_years')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'text', transformer: json<CalendarDay[]>() })
  holidays: CalendarDay[];

  @Column({ type: 'text', transformer: json<CalendarDay[]>() })
  workdays: CalendarDay[];

  /** The staff account that entered it last. */
  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
