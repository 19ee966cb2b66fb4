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

  /** When this seat's "ticket available" messages were written to the outbox (once). */
  @Column({ name: 'ticket_notice_at', type: 'datetime', nullable: true })
  ticketNoticeAt: Date | null;

  /** The admission ticket's number (session date + sequence), given when the ticket opens. */
  @Column({ name: 'ticket_no', type: 'varchar', length: 16, nullable: true, unique: true })
  ticketNo: string | null;

  /** Exam day: the candidate came, was checked against their ID and let in — when, and by which proctor. */
  @Column({ name: 'checked_in_at', type: 'datetime', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_in_by', type: 'varchar', length: 36, nullable: true })
  checkedInBy: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
