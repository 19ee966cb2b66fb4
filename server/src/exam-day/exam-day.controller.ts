import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { checkInSchema, idParamSchema, type CheckInRequest } from '@skillcert/shared';
import { examDayQuerySchema, ticketParamSchema } from '@skillcert/shared/contract';
import type { StaffActor } from '../access/actor';
import { Allow, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { ExamDayService } from './exam-day.service';

@Controller('api/exam-day')
@Allow('proctor', 'admin')
export class ExamDayController {
  constructor(private readonly examDay: ExamDayService) {}

  @Get('sessions')
  sessions(@CurrentStaff() actor: StaffActor, @Query(new ZodPipe(examDayQuerySchema)) { date }: { date?: string }) {
    return this.examDay.sessionsOn(actor, date);
  }

  /** Nothing today: when and where the body's next session is. */
  @Get('next')
  next(@CurrentStaff() actor: StaffActor) {
    return this.examDay.nextAfterToday(actor);
  }

  @Get('sessions/:id/attendance')
  attendance(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.examDay.attendance(actor, id);
  }

  /** The candidate a ticket belongs to, for the identity check before letting them in. */
  @Get('sessions/:id/tickets/:ticketNo')
  lookup(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(ticketParamSchema)) { id, ticketNo }: { id: string; ticketNo: string }) {
    return this.examDay.lookup(actor, id, ticketNo);
  }

  @Post('sessions/:id/check-ins')
  @HttpCode(200)
  checkIn(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(checkInSchema)) { ticketNo }: CheckInRequest,
  ) {
    return this.examDay.checkIn(actor, id, ticketNo);
  }
}
