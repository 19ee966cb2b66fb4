import { Injectable } from '@nestjs/common';
import { DomainError, planIdsOfBody } from '@skillcert/shared';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { JoinedReads } from '../database/joined-rows';
import type { UnitOfWork } from '../database/unit-of-work';
import type { Actor } from './actor';

/**
 * What each kind of subject is, loaded. Each owner names its entity here, beside the entity itself
 * (`declare module '../access/access'`), so the policy answers in the owner's type and imports nothing of it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the owners
export interface Subjects {}
export type Subject = keyof Subjects;

/** Whose things are whose is read as SQL over the owners' tables, by name: the policy sits below every feature it checks. */
const TABLES: { [S in Subject]: string } = { application: 'applications', session: 'exam_sessions', batch: 'batches' };
const FILES = 'files';

/** A condition on the subject's row (aliased `s`) that keeps a read to what the actor may reach. */
interface Scope {
  sql: string;
  params: ObjectLiteral;
}

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
  constructor(private readonly reads: JoinedReads) {}

  /** Null when nothing of the kind is theirs. */
  private scope(actor: Actor, subject: Subject): Scope | null {
    if (actor.kind === 'candidate') return subject === 'application' ? { sql: 's.user_id = :userId', params: { userId: actor.userId } } : null;
    if (actor.accountKind === 'institution') {
      const institutionId = actor.institutionId;
      if (!institutionId) return null;
      if (subject === 'batch') return { sql: 's.institution_id = :institutionId', params: { institutionId } };
      if (subject === 'application')
        return { sql: `s.batch_id IN (SELECT b.id FROM ${TABLES.batch} b WHERE b.institution_id = :institutionId)`, params: { institutionId } };
      return null;
    }
    const planIds = planIdsOfBody(actor.bodyId);
    return planIds.length ? { sql: 's.plan_id IN (:...planIds)', params: { planIds } } : null;
  }

  /** The subject when the actor may reach it — read together with the check, in one statement — else null. */
  async find<S extends Subject>(actor: Actor, subject: S, id: string, options: LoadOptions = {}): Promise<Subjects[S] | null> {
    const scope = this.scope(actor, subject);
    if (!scope) return null;
    const query = this.reads
      .repositoryOfTable<Subjects[S] & ObjectLiteral>(TABLES[subject], options.manager)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .andWhere(scope.sql, scope.params);
    if (options.lock) query.setLock(options.lock.mode);
    return query.getOne();
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
    const rows = await this.reads
      .repositoryOfTable(TABLES[subject], manager)
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .where('s.id IN (:...ids)', { ids: unique })
      .andWhere(scope.sql, scope.params)
      .getRawMany<{ id: string }>();
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
    const query = this.reads.repositoryOfTable(FILES, manager).createQueryBuilder('f').select('f.id', 'id').where('f.id IN (:...ids)', { ids });
    const carriedBy = (condition: string, join = '') =>
      `EXISTS (SELECT 1 FROM application_materials m INNER JOIN ${TABLES.application} a ON a.id = m.application_id ${join} WHERE m.file_id = f.id AND ${condition})`;
    if (actor.kind === 'candidate') {
      query.andWhere(`((f.owner_kind = 'candidate' AND f.owner_id = :userId) OR ${carriedBy('a.user_id = :userId')})`, { userId: actor.userId });
    } else if (actor.accountKind === 'institution') {
      if (!actor.institutionId) return new Set();
      query.andWhere(
        `((f.owner_kind = 'institution' AND f.owner_id = :institutionId) OR ${carriedBy(`b.institution_id = :institutionId`, `INNER JOIN ${TABLES.batch} b ON b.id = a.batch_id`)})`,
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
