/**
 * What the server answers, as schemas, one file a feature: the OpenAPI document is generated from
 * these, the server's tests check every answer against them, and the app's development build checks
 * what it receives. Kept apart from the request schemas: the mini program imports them only as types.
 */
export { errorBodySchema } from './fields';
export * from './plans';
export * from './identity';
export * from './applications';
export * from './payments';
export * from './finance';
export * from './institutions';
export * from './exam-day';
export * from './calendar';
