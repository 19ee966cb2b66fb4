import {
  applicantFactsSchema,
  parseWith,
  parseResidentId,
  type ApplicantFacts,
  type FieldIssue,
  type IsoDate,
  type Level,
  type MajorMatch,
  type OccupationMatch,
  type SchoolKind,
  type TitleGrade,
} from '@skillcert/shared';

/**
 * What the self-check form holds while a candidate types: entries may be half
 * filled. `toFacts` turns it into ApplicantFacts through the shared schema, so
 * the form shows exactly the messages the server would send.
 */
export interface FactsDraft {
  residentId: string;
  birthDate?: IsoDate;
  intendsToWork: boolean;
  technicianClassStudent: boolean;
  work: { from?: IsoDate; to?: IsoDate; ongoing: boolean; occupation: OccupationMatch }[];
  certificates: { level: Level; occupation: OccupationMatch; issuedOn?: IsoDate }[];
  diplomas: { school: SchoolKind; major: MajorMatch; graduatedOn?: IsoDate; finalYear: boolean; evaluated: boolean }[];
  titles: { grade: TitleGrade; matchesMajor: boolean; obtainedOn?: IsoDate }[];
  trainings: { forLevel: Level; completedOn?: IsoDate }[];
}

export const EMPTY_DRAFT: FactsDraft = {
  residentId: '',
  intendsToWork: false,
  technicianClassStudent: false,
  work: [],
  certificates: [],
  diplomas: [],
  titles: [],
  trainings: [],
};

export const NEW_ENTRY = {
  work: (): FactsDraft['work'][number] => ({ ongoing: true, occupation: 'same' }),
  certificates: (): FactsDraft['certificates'][number] => ({ level: 5, occupation: 'same' }),
  diplomas: (): FactsDraft['diplomas'][number] => ({ school: 'secondary-vocational', major: 'same', finalYear: false, evaluated: false }),
  titles: (): FactsDraft['titles'][number] => ({ grade: 'junior', matchesMajor: true }),
  trainings: (): FactsDraft['trainings'][number] => ({ forLevel: 4 }),
};

/** Typing a resident ID fills the birth date from it; an invalid number explains itself. */
export function withResidentId(draft: FactsDraft, residentId: string): { draft: FactsDraft; error?: string } {
  const next = { ...draft, residentId };
  if (residentId.trim().length < 18) return { draft: next };
  const parsed = parseResidentId(residentId);
  return parsed.ok ? { draft: { ...next, birthDate: parsed.birthDate } } : { draft: next, error: parsed.error };
}

function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function toFactsInput(draft: FactsDraft): unknown {
  return {
    birthDate: draft.birthDate,
    intendsToWork: draft.intendsToWork,
    technicianClassStudent: draft.technicianClassStudent,
    work: draft.work.map((w) => omitUndefined({ from: w.from, to: w.ongoing ? undefined : w.to, occupation: w.occupation })),
    certificates: draft.certificates.map(omitUndefined),
    diplomas: draft.diplomas.map((d) =>
      omitUndefined({ school: d.school, major: d.major, graduatedOn: d.finalYear ? undefined : d.graduatedOn, finalYear: d.finalYear, evaluated: d.evaluated }),
    ),
    titles: draft.titles.map(omitUndefined),
    trainings: draft.trainings.map(omitUndefined),
  };
}

export function toFacts(draft: FactsDraft): { ok: true; facts: ApplicantFacts } | { ok: false; issues: FieldIssue[] } {
  const parsed = parseWith(applicantFactsSchema, toFactsInput(draft));
  return parsed.ok ? { ok: true, facts: parsed.data } : { ok: false, issues: parsed.issues };
}

/** A returned application's facts back into the form, to be corrected rather than typed again. */
export function fromFacts(facts: ApplicantFacts): FactsDraft {
  return {
    residentId: '',
    birthDate: facts.birthDate,
    intendsToWork: facts.intendsToWork ?? false,
    technicianClassStudent: facts.technicianClassStudent ?? false,
    work: facts.work.map((w) => ({ from: w.from, to: w.to, ongoing: w.to === undefined, occupation: w.occupation })),
    certificates: facts.certificates.map((c) => ({ ...c })),
    diplomas: facts.diplomas.map((d) => ({
      school: d.school,
      major: d.major,
      graduatedOn: d.graduatedOn,
      finalYear: d.finalYear ?? false,
      evaluated: d.evaluated ?? false,
    })),
    titles: facts.titles.map((t) => ({ ...t })),
    trainings: facts.trainings.map((t) => ({ ...t })),
  };
}
