import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in device. Only the token's hash is stored: a leaked table signs nobody in. */
@Entity('auth_sessions')
export class AuthSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Set for a candidate's session… */
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  /** …or for a staff or institution account's. */
  @Column({ name: 'staff_id', type: 'varchar', length: 36, nullable: true })
  staffId: string | null;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;

  /** When its holder signed in (carried over by refresh): no session outlives this plus the absolute lifetime. */
  @Column({ name: 'signed_in_at', type: 'datetime', nullable: true })
  signedInAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
