import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many people have booked one slot at a plan's acceptance point. */
@Entity('visit_slots')
export class VisitSlotEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'varchar', length: 32 })
  planId: string;

  /** ISO instant the slot starts. */
  @PrimaryColumn({ name: 'slot_start', type: 'varchar', length: 24 })
  slotStart: string;

  @Column({ type: 'int', default: 0 })
  taken: number;
}

/** An applicant's booked visit; the code is what the counter scans or types. */
@Entity('visit_bookings')
export class VisitBookingEntity {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 32 })
  planId: string;

  @Column({ name: 'slot_start', type: 'varchar', length: 24 })
  slotStart: string;

  @Column({ type: 'varchar', length: 12, unique: true })
  code: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
