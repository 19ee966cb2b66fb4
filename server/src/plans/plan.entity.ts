import type { Plan } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

const pack = { to: (plan: Plan | null) => (plan ? JSON.stringify(plan) : null), from: (raw: string | null) => (raw ? (JSON.parse(raw) as Plan) : null) };

/**
 * A plan of an evaluation body. The rule pack is stored whole (`pack`), so sessions, applications
 * and staff reference the plan row while the rules stay data: `pack` is what candidates see (from
 * revision 1 on), `draftPack` the next revision an admin is editing.
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

  @Column({ type: 'text', transformer: pack })
  pack: Plan;

  /** 0 until first published; each publication adds one. */
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Column({ name: 'draft_pack', type: 'text', nullable: true, transformer: pack })
  draftPack: Plan | null;

  /** The published notice's full text, as the body received it: every text a person reads is quoted from it. */
  @Column({ name: 'notice_text', type: 'text', nullable: true })
  noticeText: string | null;

  @Column({ name: 'published_at', type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'published_by', type: 'varchar', length: 36, nullable: true })
  publishedBy: string | null;

  @Column({ name: 'pack_hash', type: 'varchar', length: 64 })
  packHash: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
