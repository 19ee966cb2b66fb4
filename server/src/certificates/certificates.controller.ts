import { Body, Controller, Get, HttpCode, Ip, Param, Post, Put, Query } from '@nestjs/common';
import {
  collectionSchema,
  handOverSchema,
  idParamSchema,
  revokeCertificatesSchema,
  verifyCertificateSchema,
  type CollectionRequest,
  type HandOverRequest,
  type RevokeCertificatesRequest,
  type VerifyCertificateRequest,
} from '@skillcert/shared';
import { certificateStatusQuerySchema } from '@skillcert/shared/contract';
import type { CandidateActor, StaffActor } from '../access/actor';
import { Allow, CurrentCandidate, CurrentStaff } from '../auth/auth.guard';
import { Throttles } from '../common/rate-limiter';
import { ZodPipe } from '../common/zod-pipe';
import { CertificatesService } from './certificates.service';

@Controller('api')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly throttles: Throttles,
  ) {}

  /** Public, no sign-in: a certificate by its number and its holder's name. */
  @Get('public/certificates/verify')
  async verify(@Ip() ip: string, @Query(new ZodPipe(verifyCertificateSchema)) { number, name }: VerifyCertificateRequest) {
    await this.throttles.hit('certificate-verify', ip);
    return this.certificates.verify(number, name);
  }

  @Put('applications/:id/certificate/collection')
  @Allow('candidate')
  chooseCollection(
    @CurrentCandidate() actor: CandidateActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(collectionSchema)) request: CollectionRequest,
  ) {
    return this.certificates.chooseCollection(actor, id, request);
  }

  @Get('certificates')
  @Allow('admin')
  list(@CurrentStaff() actor: StaffActor, @Query(new ZodPipe(certificateStatusQuerySchema)) { status }: { status?: 'valid' | 'revoked' }) {
    return this.certificates.list(actor, status);
  }

  @Post('certificates/:id/hand-over')
  @HttpCode(200)
  @Allow('admin')
  handOver(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(handOverSchema)) request: HandOverRequest,
  ) {
    return this.certificates.handOver(actor, id, request);
  }

  @Post('certificates/revoke')
  @HttpCode(200)
  @Allow('admin')
  revoke(@CurrentStaff() actor: StaffActor, @Body(new ZodPipe(revokeCertificatesSchema)) request: RevokeCertificatesRequest) {
    return this.certificates.revoke(actor, request);
  }
}
