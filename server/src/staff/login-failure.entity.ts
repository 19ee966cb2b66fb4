import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One account seen from one client address (its hash): wrong passwords in a row and the rest they
 * earned, and when the right password last came from there — an address its owner signs in from.
 */
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

  /** The last sign-in with the right password from this address: strangers' guesses elsewhere do not lock it out. */
  @Column({ name: 'signed_in_at', type: 'datetime', nullable: true })
  signedInAt: Date | null;
}
