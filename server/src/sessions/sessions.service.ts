import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, sessionDateAllowed, type CreateExamSessionRequest, type ExamSessionView } from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { ExamSessionEntity } from './exam-session.entity';
import { SeatAllocator } from './seat-allocator';
import { Access } from '../access/access';

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
  };
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(ExamSessionEntity) private readonly examSessions: Repository<ExamSessionEntity>,
    private readonly clock: Clock,
    private readonly allocator: SeatAllocator,
    private readonly access: Access,
  ) {}

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
