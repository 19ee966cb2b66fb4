import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  COLLECTION_NAMES,
  DomainError,
  formatChineseDate,
  getPlan,
  maskName,
  shanghaiDate,
  type CertificateVerification,
  type CertificateView,
  type CollectionRequest,
  type HandOverRequest,
  type IsoDate,
  type RevokeCertificatesRequest,
} from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager, type Repository } from 'typeorm';
import { type ApplicationEntity, ApplicationRecords, ApplicationStates } from '../applications';
import { type CandidateActor, type StaffActor, Access } from '../access';
import { Clock } from '../common/clock';
import { highestIssued, Sequences } from '../database/sequences';
import { UnitOfWork } from '../database/unit-of-work';
import { IdentityService } from '../identity';
import { Mailer, OutboxService, type NewMessage } from '../notifications';
import { CertificateEntity } from './certificate.entity';
import { certificateView } from './certificate-view';

/**
 * Certificates: issued the moment every subject of the level is passed, one
 * number per body in sequence; collected by the school for a class, or picked
 * up / sent postage-due for an individual; verifiable by anyone with the number
 * and the name; revoked — with a reason, the holders told — when a finding says so.
 */
@Injectable()
export class CertificatesService {
  private readonly logger = new Logger('Certificates');

  constructor(
    @InjectRepository(CertificateEntity) private readonly certificateRows: Repository<CertificateEntity>,
    private readonly uow: UnitOfWork,
    private readonly sequences: Sequences,
    private readonly clock: Clock,
    private readonly states: ApplicationStates,
    private readonly outbox: OutboxService,
    private readonly mailer: Mailer,
    private readonly access: Access,
    private readonly applications: ApplicationRecords,
    private readonly identity: IdentityService,
  ) {}

  /** Inside the caller's transaction (results publication): the certificate, the application certified, the holder told. */
  async issue(manager: EntityManager, application: ApplicationEntity, by: { kind: 'staff'; id: string }): Promise<CertificateEntity> {
    const plan = getPlan(application.planId);
    const issuedOn = shanghaiDate(this.clock.now());
    const prefix = `${plan.body.id.split('-')[0]!.toUpperCase()}${issuedOn.slice(0, 4)}`;
    const sequence = await this.sequences.take(manager, `certificate:${prefix}`, 1, () => highestIssued(manager, CertificateEntity, 'number', prefix));
    const row: CertificateEntity = {
      id: randomUUID(),
      number: `${prefix}${String(sequence).padStart(6, '0')}`,
      bodyId: plan.body.id,
      applicationId: application.id,
      holderName: application.applicantName,
      residentIdHash: application.residentIdHash,
      planId: application.planId,
      level: application.level,
      issuedOn,
      status: 'valid',
      revokedOn: null,
      revokeReason: null,
      revokedBy: null,
      collection: application.channel === 'group' ? 'institution' : 'pickup',
      address: null,
      handedOverAt: null,
      handedOverBy: null,
      trackingNo: null,
      createdAt: this.clock.now(),
    };
    await manager.insert(CertificateEntity, row);
    await this.states.transition(manager, application, 'certified', by, 'system', `证书编号 ${row.number}`);
    await this.outbox.enqueue(manager, await this.emails(manager, [row], (r) => this.issuedMail(r)));
    return row;
  }

  /** The holder chooses how an individual certificate reaches them (the school collects a class's). */
  async chooseCollection(actor: CandidateActor, applicationId: string, request: CollectionRequest): Promise<CertificateView> {
    await this.access.require(actor, 'application', [applicationId]);
    const row = await this.certificateRows.findOneBy({ applicationId });
    if (!row) throw new DomainError('CERTIFICATE_NOT_ISSUED');
    if (row.collection === 'institution') throw new DomainError('COLLECTION_BY_INSTITUTION');
    if (row.handedOverAt) throw new DomainError('CERTIFICATE_HANDED_OVER');
    await this.certificateRows.update(
      { id: row.id },
      { collection: request.method, address: request.method === 'post' ? (request.address ?? '').trim() : null },
    );
    return certificateView(await this.certificateRows.findOneByOrFail({ id: row.id }));
  }

  async list(actor: StaffActor, status?: 'valid' | 'revoked'): Promise<CertificateView[]> {
    const rows = await this.certificateRows.find({ where: { bodyId: actor.bodyId, ...(status ? { status } : {}) }, order: { number: 'ASC' }, take: 500 });
    return rows.map(certificateView);
  }

  /** Staff record the hand-over: given at the counter, collected by the school, or sent (with the tracking number). */
  async handOver(actor: StaffActor, id: string, request: HandOverRequest): Promise<CertificateView> {
    const row = await this.certificateRows.findOneBy({ id, bodyId: actor.bodyId });
    if (!row) throw new DomainError('NOT_FOUND');
    if (row.collection === 'post' && !request.trackingNo?.trim()) throw new DomainError('TRACKING_NO_REQUIRED');
    await this.certificateRows.update({ id }, { handedOverAt: this.clock.now(), handedOverBy: actor.staffId, trackingNo: request.trackingNo?.trim() || null });
    return certificateView(await this.certificateRows.findOneByOrFail({ id }));
  }

  /** An admin revokes certificates in bulk, with the reason; each holder is told. Numbers of another body are not found. */
  async revoke(actor: StaffActor, request: RevokeCertificatesRequest): Promise<{ revoked: string[]; notFound: string[] }> {
    const numbers = [...new Set(request.numbers.map((n) => n.trim().toUpperCase()))];
    const rows = await this.certificateRows.findBy({ number: In(numbers), bodyId: actor.bodyId });
    const notFound = numbers.filter((n) => !rows.some((r) => r.number === n));
    await this.uow.run((manager) => this.revokeWithin(manager, rows, request.reason, actor.staffId));
    return { revoked: rows.filter((r) => r.status === 'valid').map((r) => r.number), notFound };
  }

  /** Inside a misconduct finding's transaction: the certificates of that application void. */
  async revokeForApplication(manager: EntityManager, applicationId: string, reason: string, staffId: string): Promise<void> {
    await this.revokeWithin(manager, await manager.findBy(CertificateEntity, { applicationId, status: 'valid' }), reason, staffId);
  }

  private async revokeWithin(manager: EntityManager, rows: CertificateEntity[], reason: string, staffId: string): Promise<void> {
    const today = shanghaiDate(this.clock.now());
    const revoked: CertificateEntity[] = [];
    for (const row of rows.filter((r) => r.status === 'valid')) {
      const result = await manager.update(
        CertificateEntity,
        { id: row.id, status: 'valid' },
        { status: 'revoked', revokedOn: today, revokeReason: reason, revokedBy: staffId },
      );
      if (result.affected) revoked.push({ ...row, status: 'revoked', revokedOn: today, revokeReason: reason });
    }
    await this.outbox.enqueue(manager, await this.emails(manager, revoked, (r) => this.revokedMail(r)));
    if (revoked.length) this.logger.log({ event: 'certificates-revoked', count: revoked.length, staffId });
  }

  /** Public: number and name must both match; the answer shows the name partly masked. Everything else looks like not found. */
  async verify(number: string, name: string): Promise<CertificateVerification> {
    const row = await this.certificateRows.findOneBy({ number });
    if (!row || row.holderName !== name) throw new DomainError('CERTIFICATE_NOT_FOUND');
    const view = certificateView(row);
    return {
      number: row.number,
      holderMasked: maskName(row.holderName),
      occupation: view.occupation,
      levelName: view.levelName,
      issuedOn: row.issuedOn,
      body: view.body,
      status: row.status,
      ...(row.revokedOn ? { revokedOn: row.revokedOn as IsoDate } : {}),
    };
  }

  private async emails(
    manager: EntityManager,
    rows: CertificateEntity[],
    mail: (row: CertificateEntity) => { subject: string; text: string },
  ): Promise<NewMessage[]> {
    if (!rows.length || !this.mailer.enabled) return [];
    const applications = await this.applications.find({ ids: rows.map((r) => r.applicationId) }, { within: manager, select: ['userId'] });
    const emails = await this.identity.emailsOf(
      applications.flatMap((a) => (a.userId ? [a.userId] : [])),
      manager,
    );
    return rows.flatMap((row) => {
      const application = applications.find((a) => a.id === row.applicationId);
      const email = application?.userId ? emails.get(application.userId) : undefined;
      if (!application?.userId || !email) return [];
      return [
        {
          kind: 'certificate' as const,
          channel: 'email' as const,
          userId: application.userId,
          recipient: email,
          payload: mail(row),
          dedupeKey: `certificate:${row.id}:${row.status}`,
        },
      ];
    });
  }

  private issuedMail(row: CertificateEntity): { subject: string; text: string } {
    const view = certificateView(row);
    return {
      subject: `证书已颁发：${view.occupation} ${view.levelName}`,
      text: [
        `${row.holderName}，您好：`,
        '',
        `您已通过${view.occupation}${view.levelName}全部科目考核，证书编号 ${row.number}，颁发日期 ${formatChineseDate(row.issuedOn)}。`,
        `领取方式：${COLLECTION_NAMES[row.collection]}。个人申报的可在小程序中改为快递到付。`,
        '任何人可凭证书编号和姓名在证书查验页面核验真伪。',
        '',
        view.body,
      ].join('\n'),
    };
  }

  private revokedMail(row: CertificateEntity): { subject: string; text: string } {
    return {
      subject: `证书已撤销：${row.number}`,
      text: [
        `${row.holderName}，您好：`,
        '',
        `您的证书（编号 ${row.number}）已于${formatChineseDate(row.revokedOn ?? shanghaiDate(this.clock.now()))}撤销。`,
        `原因：${row.revokeReason ?? ''}`,
        '',
        certificateView(row).body,
      ].join('\n'),
    };
  }
}
