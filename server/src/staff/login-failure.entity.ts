import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Wrong passwords in a row for one account from one client address (its hash), and the rest it has earned. */
@Entity('login_failures')
export class LoginFailureEntity {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @PrimaryColumn({ name: 'address_hash', type: 'varchar', length: 64 })
  addressHash: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil: Date | null;
}
