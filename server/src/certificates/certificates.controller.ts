import { Body, Controller, Get, HttpCode, Inject, Ip, Param, Post, Put, Query } from '@nestjs/common';
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
import * as z from 'zod/mini';
import type { CandidateActor, StaffActor } from '../auth/actor';
import { Allow, CurrentCandidate, CurrentStaff } from '../auth/auth.guard';
import { Clock } from '../common/clock';
import { RateLimiter } from '../common/rate-limiter';
import { ZodPipe } from '../common/zod-pipe';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CertificatesService } from './certificates.service';

const statusQuerySchema = z.object({ status: z.optional(z.enum(['valid', 'revoked'])) });

@Controller('api')
export class CertificatesController {
  /** The public check answers whoever asks; this keeps anyone from walking the number space. */
  private readonly lookupsPerAddress: RateLimiter;

  constructor(
    private readonly certificates: CertificatesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.lookupsPerAddress = new RateLimiter(config.verifyLookupsPerAddress, 10 * 60_000, '查询');
  }

  /** Public, no sign-in: a certificate by its number and its holder's name. */
  @Get('public/certificates/verify')
  verify(@Ip() ip: string, @Query(new ZodPipe(verifyCertificateSchema)) { number, name }: VerifyCertificateRequest) {
    this.lookupsPerAddress.hit(ip, this.clock.now());
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
  list(@CurrentStaff() actor: StaffActor, @Query(new ZodPipe(statusQuerySchema)) { status }: { status?: 'valid' | 'revoked' }) {
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
