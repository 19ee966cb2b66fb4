import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An uploaded file: who owns it, what it is (sniffed from its bytes), and its digest. The bytes are in the FileStore. */
@Entity('files')
export class FileEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'owner_kind', type: 'varchar', length: 12 })
  ownerKind: 'candidate' | 'institution';

  /** The candidate's user id, or the institution's id. */
  @Column({ name: 'owner_id', type: 'varchar', length: 36 })
  ownerId: string;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'int' })
  bytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
