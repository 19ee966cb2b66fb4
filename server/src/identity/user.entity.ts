import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person who signed in with WeChat; identified to us by the mini program's openid. */
@Entity('users')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  openid: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
