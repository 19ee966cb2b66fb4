import type { SubjectKind, SubjectMark } from '@skillcert/shared';
import type { EntityManager } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import type { UnitOfWork } from '../database/unit-of-work';
import { ExamResultEntity } from './exam-result.entity';

export type Marks = Partial<Record<SubjectKind, SubjectMark>>;

/**
 * The one way a sitting's marks are written — typed, imported, or cancelled for
 * misconduct. The application's row is locked first: its marks row may not exist
 * yet, and two writers that each found none would both insert it (a duplicate
 * key), or, locking the missing row's gap, deadlock on each other's insert.
 * Under the parent's lock they take turns, and the row is written once.
 */
export async function writeMarks(
  manager: EntityManager,
  lock: UnitOfWork['rowLock'],
  applicationId: string,
  sessionId: string,
  next: (existing: ExamResultEntity | null) => Pick<ExamResultEntity, 'marks' | 'enteredBy' | 'enteredAt'>,
): Promise<void> {
  await manager.findOne(ApplicationEntity, { where: { id: applicationId }, select: { id: true }, ...(lock ? { lock } : {}) });
  const existing = await manager.findOneBy(ExamResultEntity, { applicationId });
  const row = next(existing);
  if (existing) await manager.update(ExamResultEntity, { applicationId }, row);
  else await manager.insert(ExamResultEntity, { applicationId, sessionId, ...row });
}

/** Misconduct decisions stand over any score typed later. */
export function keepCancelled(typed: Marks, existing: ExamResultEntity | null): Marks {
  const merged = { ...typed };
  for (const [kind, mark] of Object.entries(existing?.marks ?? {}) as [SubjectKind, SubjectMark][]) if ('cancelled' in mark) merged[kind] = mark;
  return merged;
}
