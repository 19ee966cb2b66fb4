import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A training school or college that declares its students to an evaluation body. */
@Entity('institutions')
export class InstitutionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'body_id', type: 'varchar', length: 32 })
  bodyId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
