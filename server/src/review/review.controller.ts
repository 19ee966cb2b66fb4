import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { approveSchema, idParamSchema, rejectSchema, returnSchema, reviewQuerySchema, type ReviewNote, type ReviewQuery } from '@skillcert/shared';
import type { StaffActor } from '../auth/actor';
import { Allow, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { ReviewService } from './review.service';

@Controller('api/review/applications')
@Allow('reviewer', 'admin')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get()
  queue(@CurrentStaff() actor: StaffActor, @Query(new ZodPipe(reviewQuerySchema)) query: ReviewQuery) {
    return this.review.queue(actor, query);
  }

  @Get(':id')
  detail(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.review.detail(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }, @Body(new ZodPipe(approveSchema)) body: ReviewNote) {
    return this.review.approve(actor, id, body.note);
  }

  @Post(':id/return')
  @HttpCode(200)
  returnForCorrection(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(returnSchema)) body: { note: string },
  ) {
    return this.review.returnForCorrection(actor, id, body.note);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(rejectSchema)) body: { reason: string },
  ) {
    return this.review.reject(actor, id, body.reason);
  }
}
