import type { StaffProfile } from '@skillcert/shared';

/** Where a signed-in staff member starts: reviewers and admins at the queue, school clerks at their batches. */
export function staffHome(staff: StaffProfile): string {
  return staff.kind === 'institution' ? '/packages/institution/batches/index' : '/packages/staff/queue/index';
}
