import type { CollectionMethod, Level } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A certificate (职业技能等级证书) the body issued. */
@Entity('certificates')
export class CertificateEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Unique per body (its prefix, the year, a running number): what anyone types to verify it. */
  @Column({ type: 'varchar', length: 20, unique: true })
  number: string;

  @Column({ name: 'body_id', type: 'varchar', length: 36 })
  bodyId: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36, unique: true })
  applicationId: string;

  /** Exactly as on the ID. */
  @Column({ name: 'holder_name', type: 'varchar', length: 60 })
  holderName: string;

  @Column({ name: 'resident_id_hash', type: 'varchar', length: 64 })
  residentIdHash: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 32 })
  planId: string;

  @Column({ type: 'int' })
  level: Level;

  @Column({ name: 'issued_on', type: 'varchar', length: 10 })
  issuedOn: string;

  @Column({ type: 'varchar', length: 10 })
  status: 'valid' | 'revoked';

  @Column({ name: 'revoked_on', type: 'varchar', length: 10, nullable: true })
  revokedOn: string | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 200, nullable: true })
  revokeReason: string | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 36, nullable: true })
  revokedBy: string | null;

  @Column({ type: 'varchar', length: 12 })
  collection: CollectionMethod;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Column({ name: 'handed_over_at', type: 'datetime', nullable: true })
  handedOverAt: Date | null;

  @Column({ name: 'handed_over_by', type: 'varchar', length: 36, nullable: true })
  handedOverBy: string | null;

  @Column({ name: 'tracking_no', type: 'varchar', length: 40, nullable: true })
  trackingNo: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
