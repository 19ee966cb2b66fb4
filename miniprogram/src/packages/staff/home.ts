import type { StaffProfile } from '@skillcert/shared';

/** Where a signed-in staff member starts: school clerks at their batches, finance at the bank statements, reviewers and admins at the queue. */
export function staffHome(staff: StaffProfile): string {
  if (staff.kind === 'institution') return '/packages/institution/batches/index';
  if (staff.roles.includes('finance') && !staff.roles.includes('reviewer') && !staff.roles.includes('admin')) return '/packages/staff/finance/index';
  if (staff.roles.includes('proctor') && !staff.roles.includes('reviewer') && !staff.roles.includes('admin')) return '/packages/staff/door/index';
  return '/packages/staff/queue/index';
}
