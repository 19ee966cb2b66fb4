/**
 * Every route the server answers, by name: the one place a path is written. The app calls routes by
 * these names (the app fills in the `:params` from its own table, miniprogram/src/api/client.ts); the server's router is checked against this table
 * and its schemas (`endpoints.ts`) by a test, and the OpenAPI document is generated from both.
 *
 * Only methods and paths here — strings the phone needs at run time; the schemas live apart — and
 * in three tables by caller, so the phone's main package carries only the candidate's.
 */
import { CANDIDATE_ROUTES } from './routes/candidate';
import { SERVICE_ROUTES } from './routes/service';
import { STAFF_ROUTES } from './routes/staff';

export { CANDIDATE_ROUTES, SERVICE_ROUTES, STAFF_ROUTES };
export const ROUTES = { ...CANDIDATE_ROUTES, ...STAFF_ROUTES, ...SERVICE_ROUTES };

export type RouteName = keyof typeof ROUTES;

/** ':id' in a path becomes a required `id`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type PathParams<K extends RouteName> = { [Name in ParamNames<(typeof ROUTES)[K]>]: string };
