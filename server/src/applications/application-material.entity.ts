import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file attached to an application as (part of) one of the plan's materials. */
@Entity('application_materials')
export class ApplicationMaterialEntity {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @PrimaryColumn({ name: 'file_id', type: 'varchar', length: 36 })
  fileId: string;

  @Column({ name: 'material_id', type: 'varchar', length: 40 })
  materialId: string;

  @Column({ type: 'int' })
  position: number;
}

/** A commitment (承诺书) signed in the app: the text as shown, the name as typed, when. */
@Entity('application_commitments')
export class ApplicationCommitmentEntity {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @PrimaryColumn({ name: 'material_id', type: 'varchar', length: 40 })
  materialId: string;

  @Column({ name: 'signed_name', type: 'varchar', length: 60 })
  signedName: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'signed_at', type: 'datetime' })
  signedAt: Date;
}
