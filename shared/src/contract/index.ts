export * from './route';
export * from './routes';
export * from './endpoints';
export * from './requests';
export * from './views';
export * as views from './views';
