import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A seat held for an application: until its payment deadline, then confirmed (paid) or released. */
@Entity('seat_holds')
export class SeatHoldEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId: string;

  /** At most one live hold per application. */
  @Column({ name: 'application_id', type: 'varchar', length: 36, unique: true })
  applicationId: string;

  @Column({ type: 'varchar', length: 10 })
  status: 'held' | 'confirmed' | 'released';

  @Column({ name: 'held_until', type: 'datetime', nullable: true })
  heldUntil: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
