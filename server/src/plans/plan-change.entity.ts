import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who changed a plan, how, and when: cloned, edited, its notice given, published. */
@Entity('plan_changes')
export class PlanChangeEntity {
  /** Time-ordered: the history reads in the order the changes were made. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 32 })
  planId: string;

  /** The revision the change is part of: the one being edited, or the one published. */
  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'varchar', length: 16 })
  action: 'cloned' | 'edited' | 'notice' | 'published';

  @Column({ name: 'staff_id', type: 'varchar', length: 36 })
  staffId: string;

  @Column({ type: 'datetime' })
  at: Date;
}
