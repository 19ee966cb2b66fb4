import { Injectable } from '@nestjs/common';
import { Between, In, IsNull, MoreThan, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, sessionDateAllowed, sessionDeadlines, type CreateExamSessionRequest, type ExamSessionView, type IsoDate } from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import { type StaffActor, Access } from '../access';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { ExamSessionEntity } from './exam-session.entity';
import { SeatAllocator } from './seat-allocator';

/** Which sessions: every condition given must hold (an empty list matches nothing). */
export interface SessionFilter {
  ids?: readonly string[];
  planIds?: readonly string[];
  /** On this day, after it, or within [from, to]. */
  date?: IsoDate | { after: IsoDate } | { from: IsoDate; to: IsoDate };
}

/** A session as staff see it, with the days counted from it — and whether those are counted on known working days. */
function view(row: ExamSessionEntity): ExamSessionView {
  return {
    id: row.id,
    planId: row.planId,
    date: row.date,
    site: row.site,
    levels: row.levels,
    capacity: row.capacity,
    seatsLeft: row.capacity - row.seatsTaken,
    theoryAt: row.theoryAt,
    practicalAt: row.practicalAt,
    ...sessionDeadlines(row.date),
  };
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(ExamSessionEntity) private readonly examSessions: Repository<ExamSessionEntity>,
    private readonly clock: Clock,
    private readonly allocator: SeatAllocator,
    private readonly access: Access,
    private readonly uow: UnitOfWork,
  ) {}

  /** Sessions, for the features that run them (exam day, results, notices, tickets), earliest first. */
  async find(filter: SessionFilter, options: { take?: number } = {}): Promise<ExamSessionEntity[]> {
    if ([filter.ids, filter.planIds].some((list) => list && list.length === 0)) return [];
    const date = filter.date;
    const where: FindOptionsWhere<ExamSessionEntity> = {
      ...(filter.ids ? { id: In([...filter.ids]) } : {}),
      ...(filter.planIds ? { planId: In([...filter.planIds]) } : {}),
      ...(date === undefined ? {} : { date: typeof date === 'string' ? date : 'after' in date ? MoreThan(date.after) : Between(date.from, date.to) }),
    };
    return this.examSessions.find({ where, order: { date: 'ASC', createdAt: 'ASC' }, ...(options.take ? { take: options.take } : {}) });
  }

  /**
   * One session; inside a transaction optionally locked — `share`: others may read it under the same
   * lock, nobody may change it until this transaction ends (score entry against a publication).
   */
  async get(id: string, options: { within?: EntityManager; lock?: 'share' } = {}): Promise<ExamSessionEntity | null> {
    const lock = options.lock === 'share' ? this.uow.sharedLock : undefined;
    return (options.within ? options.within.getRepository(ExamSessionEntity) : this.examSessions).findOne({ where: { id }, ...(lock ? { lock } : {}) });
  }

  /** The results go out once: true for the transaction that publishes them. */
  async claimPublication(manager: EntityManager, sessionId: string, staffId: string, at: Date): Promise<boolean> {
    const claimed = await manager.update(
      ExamSessionEntity,
      { id: sessionId, resultsPublishedAt: IsNull() },
      { resultsPublishedAt: at, resultsPublishedBy: staffId },
    );
    return Boolean(claimed.affected);
  }

  /** Staff create sessions for their own body's plans, inside the plan's bounds. */
  async create(actor: StaffActor, request: CreateExamSessionRequest): Promise<ExamSessionView> {
    this.access.requirePlan(actor, request.planId);
    const levels = [...new Set(request.levels)].sort();
    const allowed = sessionDateAllowed(request.planId, levels, request.date);
    if (!allowed.ok) throw new DomainError('SESSION_DATE_INVALID', allowed.reason);
    const row: ExamSessionEntity = {
      id: randomUUID(),
      planId: request.planId,
      date: request.date,
      site: request.site.trim(),
      levels,
      capacity: request.capacity,
      seatsTaken: 0,
      theoryAt: request.theoryAt,
      practicalAt: request.practicalAt,
      resultsPublishedAt: null,
      resultsPublishedBy: null,
      createdBy: actor.staffId,
      createdAt: this.clock.now(),
    };
    await this.examSessions.insert(row);
    // A new session is where the waiting list goes first.
    await this.allocator.promoteWaiting(row.planId);
    return view(await this.examSessions.findOneByOrFail({ id: row.id }));
  }

  async list(actor: StaffActor, planId: string): Promise<ExamSessionView[]> {
    this.access.requirePlan(actor, planId);
    const rows = await this.examSessions.find({ where: { planId }, order: { date: 'ASC', createdAt: 'ASC' } });
    return rows.map(view);
  }
}
