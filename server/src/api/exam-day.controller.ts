import { Endpoint } from './endpoint';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { type CheckInRequest } from '@skillcert/shared';
import type { StaffActor } from '../access';
import { Allow, CurrentStaff } from '../auth';
import { ExamDayService } from '../exam-day';

@Controller()
@Allow('proctor', 'admin')
export class ExamDayController {
  constructor(private readonly examDay: ExamDayService) {}

  @Endpoint('examDaySessions')
  sessions(@CurrentStaff() actor: StaffActor, @Query() { date }: { date?: string }) {
    return this.examDay.sessionsOn(actor, date);
  }

  /** Nothing today: when and where the body's next session is. */
  @Endpoint('nextExamDay')
  next(@CurrentStaff() actor: StaffActor) {
    return this.examDay.nextAfterToday(actor);
  }

  @Endpoint('attendance')
  attendance(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.examDay.attendance(actor, id);
  }

  /** The candidate a ticket belongs to, for the identity check before letting them in. */
  @Endpoint('candidateAtDoor')
  lookup(@CurrentStaff() actor: StaffActor, @Param() { id, ticketNo }: { id: string; ticketNo: string }) {
    return this.examDay.lookup(actor, id, ticketNo);
  }

  @Endpoint('checkIn')
  checkIn(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() { ticketNo }: CheckInRequest) {
    return this.examDay.checkIn(actor, id, ticketNo);
  }
}
