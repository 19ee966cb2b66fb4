import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  approveSchema,
  auditQuerySchema,
  bulkApproveSchema,
  idParamSchema,
  rejectSchema,
  residentIdCorrectionSchema,
  returnSchema,
  reviewQuerySchema,
  visitCodeParamSchema,
  type AuditQuery,
  type BulkApproveRequest,
  type ResidentIdCorrection,
  type ReturnRequest,
  type ReviewNote,
  type ReviewQuery,
} from '@skillcert/shared';
import type { StaffActor } from '../access/actor';
import { Allow, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { ReviewService } from './review.service';

@Controller('api/review')
@Allow('reviewer', 'admin')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get('applications')
  queue(@CurrentStaff() actor: StaffActor, @Query(new ZodPipe(reviewQuerySchema)) query: ReviewQuery) {
    return this.review.queue(actor, query);
  }

  @Get('visits/:code')
  byVisitCode(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(visitCodeParamSchema)) { code }: { code: string }) {
    return this.review.byVisitCode(actor, code);
  }

  @Get('applications/:id')
  detail(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.review.detail(actor, id);
  }

  /** The full ID number at the counter, where the original card is matched; each reading is recorded. */
  @Post('applications/:id/resident-id')
  @HttpCode(200)
  revealResidentId(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.review.revealResidentId(actor, id);
  }

  /** The ID number corrected with the original card in hand: the candidate cannot once they have applied. */
  @Post('applications/:id/resident-id/correction')
  @HttpCode(200)
  correctResidentId(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(residentIdCorrectionSchema)) body: ResidentIdCorrection,
  ) {
    return this.review.correctResidentId(actor, id, body);
  }

  @Post('applications/:id/approve')
  @HttpCode(200)
  approve(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }, @Body(new ZodPipe(approveSchema)) body: ReviewNote) {
    return this.review.approve(actor, id, body.note);
  }

  @Post('applications/:id/return')
  @HttpCode(200)
  returnForCorrection(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(returnSchema)) body: ReturnRequest,
  ) {
    return this.review.returnForCorrection(actor, id, body);
  }

  @Post('applications/:id/reject')
  @HttpCode(200)
  reject(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(rejectSchema)) body: { reason: string },
  ) {
    return this.review.reject(actor, id, body.reason);
  }

  /** The audit trail: admins read who decided what, when. */
  @Get('audit')
  @Allow('admin')
  audit(@CurrentStaff() actor: StaffActor, @Query(new ZodPipe(auditQuerySchema)) query: AuditQuery) {
    return this.review.auditTrail(actor, query);
  }

  @Post('batches/:id/approve')
  @HttpCode(200)
  approveBatch(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(bulkApproveSchema)) body: BulkApproveRequest,
  ) {
    return this.review.approveBatch(actor, id, body);
  }
}
