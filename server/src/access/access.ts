import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, planIdsOfBody } from '@skillcert/shared';
import { In, Raw, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral, type Repository } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import type { Actor } from '../auth/actor';
import { BatchEntity } from '../batches/batch.entity';
import type { UnitOfWork } from '../database/unit-of-work';
import { FileEntity } from '../files/file.entity';
import { ExamSessionEntity } from '../sessions/exam-session.entity';

/** What each kind of subject is, loaded. */
interface Subjects {
  application: ApplicationEntity;
  session: ExamSessionEntity;
  batch: BatchEntity;
}
export type Subject = keyof Subjects;

const ENTITIES: { [S in Subject]: EntityTarget<Subjects[S]> } = {
  application: ApplicationEntity,
  session: ExamSessionEntity,
  batch: BatchEntity,
};

interface LoadOptions {
  manager?: EntityManager;
  lock?: UnitOfWork['rowLock'];
}

/**
 * Who may reach what, decided here and nowhere else: a candidate their own
 * applications; a school's clerk its batches and the applications in them; an
 * evaluation body's staff whatever was made to the body's plans. Something out
 * of reach looks exactly like something missing, and any number of ids is
 * checked in one statement (the way immich's access checks are built).
 *
 * The routes' roles are the guard's business; this decides only whose things they are.
 */
@Injectable()
export class Access {
  private readonly tables: { [S in Subject]: Repository<Subjects[S]> } & { file: Repository<FileEntity> };

  // The policy reads whose things these are — applications, sessions, batches, files — and only those tables.
  constructor(
    @InjectRepository(ApplicationEntity) applications: Repository<ApplicationEntity>,
    @InjectRepository(ExamSessionEntity) sessions: Repository<ExamSessionEntity>,
    @InjectRepository(BatchEntity) batches: Repository<BatchEntity>,
    @InjectRepository(FileEntity) files: Repository<FileEntity>,
  ) {
    this.tables = { application: applications, session: sessions, batch: batches, file: files };
  }

  /** The subject's table: inside the caller's transaction when it gives one. */
  private table<S extends Subject | 'file'>(subject: S, manager?: EntityManager): (typeof this.tables)[S] {
    if (!manager) return this.tables[subject];
    const entity: EntityTarget<ObjectLiteral> = subject === 'file' ? FileEntity : ENTITIES[subject as Subject];
    return manager.getRepository(entity) as (typeof this.tables)[S];
  }

  /** The where-clause that keeps a read to what the actor may reach; null when nothing of the kind is theirs. */
  scope<S extends Subject>(actor: Actor, subject: S): FindOptionsWhere<Subjects[S]> | null;
  scope(actor: Actor, subject: Subject): FindOptionsWhere<ApplicationEntity> | FindOptionsWhere<BatchEntity> | FindOptionsWhere<ExamSessionEntity> | null {
    if (actor.kind === 'candidate') return subject === 'application' ? { userId: actor.userId } : null;
    if (actor.accountKind === 'institution') {
      const institutionId = actor.institutionId;
      if (!institutionId) return null;
      if (subject === 'batch') return { institutionId };
      if (subject === 'application') {
        return { batchId: Raw((column) => `${column} IN (SELECT b.id FROM batches b WHERE b.institution_id = :institutionId)`, { institutionId }) };
      }
      return null;
    }
    const planIds = planIdsOfBody(actor.bodyId);
    return planIds.length ? { planId: In(planIds) } : null;
  }

  /** The subject when the actor may reach it — read together with the check, in one statement — else null. */
  async find<S extends Subject>(actor: Actor, subject: S, id: string, options: LoadOptions = {}): Promise<Subjects[S] | null> {
    const scope = this.scope(actor, subject);
    if (!scope) return null;
    const where = { ...scope, id } as FindOptionsWhere<Subjects[S]>;
    const table = this.table(subject, options.manager) as Repository<Subjects[S]>;
    return table.findOne({ where, ...(options.lock ? { lock: options.lock } : {}) });
  }

  /** As `find`, but out of reach is NOT_FOUND. */
  async get<S extends Subject>(actor: Actor, subject: S, id: string, options: LoadOptions = {}): Promise<Subjects[S]> {
    const found = await this.find(actor, subject, id, options);
    if (!found) throw new DomainError('NOT_FOUND');
    return found;
  }

  /** Which of the ids the actor may reach, in one statement however many there are. */
  async allowed(actor: Actor, subject: Subject | 'file', ids: readonly string[], manager?: EntityManager): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set();
    if (subject === 'file') return this.allowedFiles(actor, unique, manager);
    const scope = this.scope(actor, subject);
    if (!scope) return new Set();
    // Every subject is a row with a string id; that is all this read needs of it.
    const table = this.table(subject, manager) as unknown as Repository<{ id: string }>;
    const rows = await table.find({ select: { id: true }, where: { ...scope, id: In(unique) } as FindOptionsWhere<{ id: string }> });
    return new Set(rows.map((row) => row.id));
  }

  /** Every one of the ids within reach, or NOT_FOUND (naming none of them: which exist is not the caller's to learn). */
  async require(actor: Actor, subject: Subject | 'file', ids: readonly string[], manager?: EntityManager): Promise<void> {
    const allowed = await this.allowed(actor, subject, ids, manager);
    if (ids.some((id) => !allowed.has(id))) throw new DomainError('NOT_FOUND');
  }

  /** A plan the actor's body publishes; the plans are code, so no statement is needed. */
  requirePlan(actor: Actor, planId: string): void {
    if (actor.kind !== 'staff' || !planIdsOfBody(actor.bodyId).includes(planId)) throw new DomainError('PLAN_NOT_FOUND');
  }

  /**
   * A file is reachable by whoever uploaded it, and by whoever may reach an
   * application carrying it — of staff, only those who review (a proctor sees
   * the ID photo through the link the door screen signs for them).
   */
  private async allowedFiles(actor: Actor, ids: string[], manager?: EntityManager): Promise<Set<string>> {
    const query = this.table('file', manager).createQueryBuilder('f').select('f.id', 'id').where('f.id IN (:...ids)', { ids });
    const carriedBy = (condition: string, join = '') =>
      `EXISTS (SELECT 1 FROM application_materials m INNER JOIN applications a ON a.id = m.application_id ${join} WHERE m.file_id = f.id AND ${condition})`;
    if (actor.kind === 'candidate') {
      query.andWhere(`((f.owner_kind = 'candidate' AND f.owner_id = :userId) OR ${carriedBy('a.user_id = :userId')})`, { userId: actor.userId });
    } else if (actor.accountKind === 'institution') {
      if (!actor.institutionId) return new Set();
      query.andWhere(
        `((f.owner_kind = 'institution' AND f.owner_id = :institutionId) OR ${carriedBy('b.institution_id = :institutionId', 'INNER JOIN batches b ON b.id = a.batch_id')})`,
        { institutionId: actor.institutionId },
      );
    } else {
      const planIds = planIdsOfBody(actor.bodyId);
      if (!planIds.length || !actor.roles.some((role) => role === 'reviewer' || role === 'admin')) return new Set();
      query.andWhere(carriedBy('a.plan_id IN (:...planIds)'), { planIds });
    }
    const rows = await query.getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }
}
