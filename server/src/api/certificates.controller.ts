import { Endpoint } from './endpoint';
import { Body, Controller, Ip, Param, Query } from '@nestjs/common';
import { type CollectionRequest, type HandOverRequest, type RevokeCertificatesRequest, type VerifyCertificateRequest } from '@skillcert/shared';
import type { CandidateActor, StaffActor } from '../access';
import { Allow, CurrentCandidate, CurrentStaff } from '../auth';
import { Throttles } from '../common/rate-limiter';
import { CertificatesService } from '../certificates';

@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly throttles: Throttles,
  ) {}

  /** Public, no sign-in: a certificate by its number and its holder's name. */
  @Endpoint('verifyCertificate')
  async verify(@Ip() ip: string, @Query() { number, name }: VerifyCertificateRequest) {
    await this.throttles.hit('certificate-verify', ip);
    return this.certificates.verify(number, name);
  }

  @Endpoint('chooseCollection')
  @Allow('candidate')
  chooseCollection(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }, @Body() request: CollectionRequest) {
    return this.certificates.chooseCollection(actor, id, request);
  }

  @Endpoint('certificates')
  @Allow('admin')
  list(@CurrentStaff() actor: StaffActor, @Query() { status }: { status?: 'valid' | 'revoked' }) {
    return this.certificates.list(actor, status);
  }

  @Endpoint('handOverCertificate')
  @Allow('admin')
  handOver(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() request: HandOverRequest) {
    return this.certificates.handOver(actor, id, request);
  }

  @Endpoint('revokeCertificates')
  @Allow('admin')
  revoke(@CurrentStaff() actor: StaffActor, @Body() request: RevokeCertificatesRequest) {
    return this.certificates.revoke(actor, request);
  }
}
