import type { ApplicationEntity } from '../src/applications/application.entity';

/**
 * An application row as a drill writes it straight into the database (thousands at once, or the state a
 * crash leaves behind): a level-4 Shanghai candidate of `seq`, eligible, nothing attached. The fields a
 * drill cares about are given; the rest are what a plain application has.
 */
export function seededApplication(
  fields: Pick<ApplicationEntity, 'id' | 'userId' | 'state' | 'appliedOn' | 'createdAt' | 'updatedAt'> & { seq: number; hashPrefix: string },
): ApplicationEntity {
  const { seq, hashPrefix, ...given } = fields;
  return {
    applicantName: `考生${seq}`,
    residentIdCipher: 'drill',
    residentIdHash: `${hashPrefix}-${seq}`,
    residentIdMasked: '3101**********0000',
    birthDate: '2000-01-01',
    phoneCipher: null,
    phoneHash: null,
    batchId: null,
    batchRow: null,
    prereview: null,
    prereviewNote: null,
    planId: 'shanghai-2026',
    level: 4,
    channel: 'individual',
    activeKey: null,
    assessBy: null,
    facts: { birthDate: '2000-01-01', work: [], certificates: [], diplomas: [], titles: [], trainings: [] },
    verdict: { eligible: true, satisfied: [], reasons: [] },
    makeupOf: null,
    transferPayer: null,
    transferNotedAt: null,
    subjects: null,
    feeFen: null,
    ...given,
  };
}
