import { withCarriedMarks } from '@skillcert/shared';
import type { ApplicationEntity } from '../applications';
import type { ExamResultEntity } from './exam-result.entity';

/** An application's marks as graded: a make-up's own subjects, with the first sitting's others carried over. */
export function marksOf(
  application: Pick<ApplicationEntity, 'planId' | 'level' | 'makeupOf' | 'subjects'>,
  own: Pick<ExamResultEntity, 'marks'> | undefined,
  original: Pick<ExamResultEntity, 'marks'> | undefined,
) {
  if (!application.makeupOf || !application.subjects) return own?.marks ?? {};
  return withCarriedMarks(application.planId, application.level, original?.marks ?? {}, own?.marks ?? {}, application.subjects);
}
