export * from './aCandidate';
