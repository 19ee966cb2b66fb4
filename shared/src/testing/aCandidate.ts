import { addYears, type IsoDate } from '../dates';
import type { ApplicantFacts, Diploma, Level, OccupationMatch, SchoolKind, TitleGrade } from '../types';

/**
 * Test-data builder: `aCandidate().born('2009-05-01').withDiploma('secondary-vocational')`.
 * Immutable: each call returns a new builder, so a base case can branch.
 */
export class CandidateBuilder {
  constructor(private readonly facts: ApplicantFacts) {}

  born(birthDate: IsoDate): CandidateBuilder {
    return new CandidateBuilder({ ...this.facts, birthDate });
  }

  agedOn(years: number, on: IsoDate): CandidateBuilder {
    return this.born(addYears(on, -years));
  }

  intendingToWork(): CandidateBuilder {
    return new CandidateBuilder({ ...this.facts, intendsToWork: true });
  }

  worked(from: IsoDate, to?: IsoDate, occupation: OccupationMatch = 'same'): CandidateBuilder {
    return new CandidateBuilder({ ...this.facts, work: [...this.facts.work, { from, ...(to ? { to } : {}), occupation }] });
  }

  withCertificate(level: Level, issuedOn: IsoDate, occupation: OccupationMatch = 'same'): CandidateBuilder {
    return new CandidateBuilder({ ...this.facts, certificates: [...this.facts.certificates, { level, issuedOn, occupation }] });
  }

  withDiploma(school: SchoolKind, more: Partial<Omit<Diploma, 'school'>> = {}): CandidateBuilder {
    const diploma: Diploma = { school, major: 'same', graduatedOn: '2020-07-01', ...more };
    return new CandidateBuilder({ ...this.facts, diplomas: [...this.facts.diplomas, diploma] });
  }

  withTitle(grade: TitleGrade, obtainedOn: IsoDate, matchesMajor = true): CandidateBuilder {
    return new CandidateBuilder({ ...this.facts, titles: [...this.facts.titles, { grade, obtainedOn, matchesMajor }] });
  }

  withTraining(forLevel: Level, completedOn: IsoDate): CandidateBuilder {
    return new CandidateBuilder({ ...this.facts, trainings: [...this.facts.trainings, { forLevel, completedOn }] });
  }

  inTechnicianClass(): CandidateBuilder {
    return new CandidateBuilder({ ...this.facts, technicianClassStudent: true });
  }

  build(): ApplicantFacts {
    return this.facts;
  }
}

export function aCandidate(): CandidateBuilder {
  return new CandidateBuilder({ birthDate: '1990-06-15', work: [], certificates: [], diplomas: [], titles: [], trainings: [] });
}
