export { Access } from './access';
export { ANYONE_SIGNED_IN, admits, institutionOf } from './actor';
export type { Actor, Audience, CandidateActor, RealNameRecord, StaffActor } from './actor';
