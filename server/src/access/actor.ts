import { DomainError, type StaffRole } from '@skillcert/shared';

/** A candidate's verified real-name record, as the guard reads it with the session: identity's table is one (it implements this). */
export interface RealNameRecord {
  userId: string;
  name: string;
  residentIdCipher: string;
  residentIdHash: string;
  residentIdMasked: string;
  birthDate: string;
  sex: 'male' | 'female';
  phoneCipher: string | null;
  phoneHash: string | null;
  email: string | null;
  updatedAt: Date;
}

/** Who is calling, resolved from the bearer token by the guard and passed to every service method. */
export interface CandidateActor {
  kind: 'candidate';
  userId: string;
  sessionId: string;
  /** Their verified profile as the request began (read with the session); null until they record one. */
  profile: RealNameRecord | null;
}

export interface StaffActor {
  kind: 'staff';
  staffId: string;
  bodyId: string;
  accountKind: 'staff' | 'institution';
  roles: StaffRole[];
  institutionId?: string;
  sessionId: string;
  /** Signed in with a temporary password: only choosing a new one is open to them. */
  mustChangePassword?: true;
}

export type Actor = CandidateActor | StaffActor;

/** What a route admits: candidates, institution clerks, or staff holding one of the roles. */
export type Audience = 'candidate' | 'institution' | StaffRole;

export function admits(actor: Actor, audience: readonly Audience[]): boolean {
  if (actor.kind === 'candidate') return audience.includes('candidate');
  if (actor.accountKind === 'institution') return audience.includes('institution');
  return actor.roles.some((role) => audience.includes(role));
}

export const ANYONE_SIGNED_IN: readonly Audience[] = ['candidate', 'institution', 'reviewer', 'finance', 'proctor', 'admin'];

export type InstitutionActor = StaffActor & { institutionId: string };

/** A school's clerk, or FORBIDDEN: routes for institutions only. */
export function institutionOf(actor: StaffActor): InstitutionActor {
  if (actor.accountKind !== 'institution' || !actor.institutionId) throw new DomainError('FORBIDDEN');
  return actor as InstitutionActor;
}
