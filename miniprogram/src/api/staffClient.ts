import { CANDIDATE_ROUTES, fillPath, pathTemplateOf, STAFF_ROUTES, type PathParams } from '@skillcert/shared/contract';
import { staffSession } from '../lib/session';
import { caller, type RouteTarget } from './client';

// Apart from client.ts so that only the staff and institution subpackages carry the staff's routes.
const STAFF_TABLE = { ...CANDIDATE_ROUTES, ...STAFF_ROUTES };
type StaffRouteName = keyof typeof STAFF_TABLE;

/** Requests as the signed-in reviewer, admin or institution clerk. */
export const staffApi = caller<StaffRouteName>(staffSession, STAFF_TABLE);
/** A staff route as an upload or download target. */
export const staffTarget = <K extends StaffRouteName>(name: K, params: PathParams<K>): RouteTarget<K> => ({
  name,
  path: fillPath(pathTemplateOf(STAFF_TABLE[name]), params),
});
