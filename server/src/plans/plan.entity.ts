import type { Plan } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A published plan. The rule pack itself is stored whole (`pack`), so sessions,
 * applications and staff can reference the plan row while the rules stay data.
 */
@Entity('plans')
export class PlanEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ name: 'body_id', type: 'varchar', length: 32 })
  bodyId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'occupation_code', type: 'varchar', length: 20 })
  occupationCode: string;

  @Column({
    type: 'text',
    transformer: { to: (plan: Plan) => JSON.stringify(plan), from: (raw: string) => JSON.parse(raw) as Plan },
  })
  pack: Plan;

  @Column({ name: 'pack_hash', type: 'varchar', length: 64 })
  packHash: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
