import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('evaluation_bodies')
export class EvaluationBodyEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'short_name', type: 'varchar', length: 50 })
  shortName: string;

  @Column({ type: 'varchar', length: 20 })
  city: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
