import { Endpoint } from './endpoint';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { type AuditQuery, type BulkApproveRequest, type ResidentIdCorrection, type ReturnRequest, type ReviewNote, type ReviewQuery } from '@skillcert/shared';
import type { StaffActor } from '../access';
import { Allow, CurrentStaff } from '../auth';
import { ReviewService } from '../review';
import { ApplicationViews } from './application-views';

@Controller()
@Allow('reviewer', 'admin')
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly views: ApplicationViews,
  ) {}

  @Endpoint('reviewQueue')
  async queue(@CurrentStaff() actor: StaffActor, @Query() query: ReviewQuery) {
    return this.views.reviewItems(await this.review.queue(actor, query));
  }

  @Endpoint('reviewByVisitCode')
  async byVisitCode(@CurrentStaff() actor: StaffActor, @Param() { code }: { code: string }) {
    return this.views.reviewItem(await this.review.byVisitCode(actor, code));
  }

  @Endpoint('reviewItem')
  detail(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.views.reviewItemFor(actor, id);
  }

  /** The full ID number at the counter, where the original card is matched; each reading is recorded. */
  @Endpoint('revealResidentId')
  revealResidentId(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.review.revealResidentId(actor, id);
  }

  /** The ID number corrected with the original card in hand: the candidate cannot once they have applied. */
  @Endpoint('correctResidentId')
  async correctResidentId(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() body: ResidentIdCorrection) {
    await this.review.correctResidentId(actor, id, body);
    return this.views.reviewItem(id);
  }

  @Endpoint('approve')
  async approve(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() body: ReviewNote) {
    await this.review.approve(actor, id, body.note);
    return this.views.reviewItem(id);
  }

  @Endpoint('returnForCorrection')
  async returnForCorrection(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() body: ReturnRequest) {
    await this.review.returnForCorrection(actor, id, body);
    return this.views.reviewItem(id);
  }

  @Endpoint('reject')
  async reject(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() body: { reason: string }) {
    await this.review.reject(actor, id, body.reason);
    return this.views.reviewItem(id);
  }

  /** The audit trail: admins read who decided what, when. */
  @Endpoint('auditTrail')
  @Allow('admin')
  audit(@CurrentStaff() actor: StaffActor, @Query() query: AuditQuery) {
    return this.views.auditTrail(actor, query);
  }

  @Endpoint('approveBatch')
  approveBatch(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() body: BulkApproveRequest) {
    return this.review.approveBatch(actor, id, body);
  }
}
