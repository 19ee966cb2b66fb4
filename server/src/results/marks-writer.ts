import type { SubjectKind, SubjectMark } from '@skillcert/shared';
import { In, type EntityManager } from 'typeorm';
import type { ApplicationRecords } from '../applications';
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
  applications: ApplicationRecords,
  sessionId: string,
  applicationIds: readonly string[],
  next: (applicationId: string, existing: ExamResultEntity | null) => Pick<ExamResultEntity, 'marks' | 'enteredBy' | 'enteredAt'>,
): Promise<void> {
  // One order for every writer, applications by id: two sheets of one session never lock each other's rows crosswise.
  const ids = [...new Set(applicationIds)].sort();
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    const chunk = ids.slice(i, i + IDS_PER_STATEMENT);
    await applications.lock(manager, chunk);
    const existing = new Map((await manager.findBy(ExamResultEntity, { applicationId: In(chunk) })).map((row) => [row.applicationId, row]));
    const rows = chunk.map((applicationId) => ({ applicationId, sessionId, ...next(applicationId, existing.get(applicationId) ?? null) }));
    for (let j = 0; j < rows.length; j += ROWS_PER_INSERT) {
      // A row already there keeps the sitting it was first written for; only its marks and who wrote them change.
      await manager
        .createQueryBuilder()
        .insert()
        .into(ExamResultEntity)
        .values(rows.slice(j, j + ROWS_PER_INSERT))
        .orUpdate(['marks', 'entered_by', 'entered_at'], ['application_id'])
        .updateEntity(false)
        .execute();
    }
  }
}

/** A 10,000-row sheet is a few dozen statements, each well under the databases' limits on placeholders. */
const IDS_PER_STATEMENT = 1000;
const ROWS_PER_INSERT = 400;

/** Misconduct decisions stand over any score typed later. */
export function keepCancelled(typed: Marks, existing: ExamResultEntity | null): Marks {
  const merged = { ...typed };
  for (const [kind, mark] of Object.entries(existing?.marks ?? {}) as [SubjectKind, SubjectMark][]) if ('cancelled' in mark) merged[kind] = mark;
  return merged;
}
