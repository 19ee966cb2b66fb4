import { Endpoint } from './endpoint';
import { Body, Controller, Param } from '@nestjs/common';
import { type ApplicationRequest, type ResubmitRequest, type TransferNotice } from '@skillcert/shared';
import type { CandidateActor } from '../access';
import { Allow, CurrentCandidate } from '../auth';
import { ApplicationsService } from '../applications';
import { ApplicationViews } from './application-views';

@Controller()
@Allow('candidate')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly views: ApplicationViews,
  ) {}

  @Endpoint('apply')
  async apply(@CurrentCandidate() actor: CandidateActor, @Body() body: ApplicationRequest) {
    return this.views.viewOfNew(await this.applications.apply(actor, body));
  }

  /** A student takes over the application their school declared for them. */
  @Endpoint('claimApplications')
  async claim(@CurrentCandidate() actor: CandidateActor) {
    return this.views.viewsOf(await this.applications.claim(actor));
  }

  @Endpoint('myApplications')
  mine(@CurrentCandidate() actor: CandidateActor) {
    return this.views.viewsOfCandidate(actor.userId);
  }

  /** Checked at the entrance of the form, not only at submit: a running ban, with its last day. */
  @Endpoint('standing')
  standing(@CurrentCandidate() actor: CandidateActor) {
    return this.applications.standing(actor);
  }

  @Endpoint('application')
  one(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }) {
    return this.views.ownView(actor, id);
  }

  @Endpoint('resubmit')
  async resubmit(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }, @Body() body: ResubmitRequest) {
    await this.applications.resubmit(actor, id, body);
    return this.views.viewOf(id);
  }

  /** 补考: the failed subjects of an assessed sitting, as a new application through review, payment and a session. */
  @Endpoint('applyMakeup')
  async makeup(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }) {
    return this.views.viewOf(await this.applications.applyMakeup(actor, id));
  }

  /** 我已转账: whose account it came from, so finance finds it even when a parent paid. */
  @Endpoint('noteTransfer')
  async noteTransfer(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }, @Body() body: TransferNotice) {
    await this.applications.noteTransfer(actor, id, body.payer);
    return this.views.viewOf(id);
  }

  @Endpoint('withdraw')
  async withdraw(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }) {
    await this.applications.withdraw(actor, id);
    return this.views.viewOf(id);
  }
}
