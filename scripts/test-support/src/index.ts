export * from './mysql';
export * from './ports';
export * from './roster';
