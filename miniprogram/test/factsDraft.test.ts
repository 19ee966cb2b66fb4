import { aCandidate } from '@skillcert/shared/testing';
import { fromFacts, toFacts } from '../src/lib/factsDraft';

describe('a returned application comes back into the form unchanged', () => {
  it('round-trips every kind of fact', () => {
    const facts = aCandidate()
      .born('2001-02-03')
      .withDiploma('secondary-vocational', { finalYear: true, evaluated: false, graduatedOn: undefined })
      .withDiploma('college', { major: 'related', graduatedOn: '2022-07-01', finalYear: false, evaluated: true })
      .worked('2022-08-01', '2023-08-01')
      .worked('2023-09-01', undefined, 'related')
      .withCertificate(5, '2023-01-01')
      .withTitle('junior', '2024-01-01', false)
      .withTraining(4, '2025-06-30')
      .inTechnicianClass()
      .build();
    // JSON drops the builder's `graduatedOn: undefined`, as the wire does.
    const declared = JSON.parse(JSON.stringify({ ...facts, intendsToWork: false }));
    expect(toFacts(fromFacts(facts))).toEqual({ ok: true, facts: declared });
  });
});
