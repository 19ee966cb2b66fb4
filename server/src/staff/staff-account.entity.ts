import type { StaffRole } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A username-and-password account: body staff with roles, or an institution's clerk. */
@Entity('staff_accounts')
export class StaffAccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'body_id', type: 'varchar', length: 32 })
  bodyId: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 40 })
  displayName: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 12 })
  kind: 'staff' | 'institution';

  /** Comma-separated; a handful of fixed words, so no join table. */
  @Column({
    type: 'varchar',
    length: 60,
    transformer: { to: (roles: StaffRole[]) => roles.join(','), from: (raw: string) => (raw ? (raw.split(',') as StaffRole[]) : []) },
  })
  roles: StaffRole[];

  @Column({ name: 'institution_id', type: 'varchar', length: 36, nullable: true })
  institutionId: string | null;

  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins: number;

  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  /** Stopped by an admin: no sign-in, no session. */
  @Column({ name: 'disabled_at', type: 'datetime', nullable: true })
  disabledAt: Date | null;

  /** A temporary password set by an admin: the holder must choose their own before anything else. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
