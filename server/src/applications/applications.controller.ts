import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  applicationRequestSchema,
  idParamSchema,
  resubmitSchema,
  transferNoticeSchema,
  type ApplicationRequest,
  type ResubmitRequest,
  type TransferNotice,
} from '@skillcert/shared';
import type { CandidateActor } from '../access/actor';
import { Allow, CurrentCandidate } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { ApplicationsService } from './applications.service';

@Controller('api/applications')
@Allow('candidate')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  apply(@CurrentCandidate() actor: CandidateActor, @Body(new ZodPipe(applicationRequestSchema)) body: ApplicationRequest) {
    return this.applications.apply(actor, body);
  }

  /** A student takes over the application their school declared for them. */
  @Post('claim')
  @HttpCode(200)
  claim(@CurrentCandidate() actor: CandidateActor) {
    return this.applications.claim(actor);
  }

  @Get()
  mine(@CurrentCandidate() actor: CandidateActor) {
    return this.applications.mine(actor);
  }

  /** Checked at the entrance of the form, not only at submit: a running ban, with its last day. */
  @Get('standing')
  standing(@CurrentCandidate() actor: CandidateActor) {
    return this.applications.standing(actor);
  }

  @Get(':id')
  one(@CurrentCandidate() actor: CandidateActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.applications.one(actor, id);
  }

  @Put(':id')
  resubmit(
    @CurrentCandidate() actor: CandidateActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(resubmitSchema)) body: ResubmitRequest,
  ) {
    return this.applications.resubmit(actor, id, body);
  }

  /** 补考: the failed subjects of an assessed sitting, as a new application through review, payment and a session. */
  @Post(':id/makeup')
  makeup(@CurrentCandidate() actor: CandidateActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.applications.applyMakeup(actor, id);
  }

  /** 我已转账: whose account it came from, so finance finds it even when a parent paid. */
  @Post(':id/transfer-notice')
  @HttpCode(200)
  noteTransfer(
    @CurrentCandidate() actor: CandidateActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(transferNoticeSchema)) body: TransferNotice,
  ) {
    return this.applications.noteTransfer(actor, id, body.payer);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentCandidate() actor: CandidateActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.applications.withdraw(actor, id);
  }
}
