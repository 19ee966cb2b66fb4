import type { FieldIssue } from '@skillcert/shared';

/** Issues keyed by field path ('work.0.to'), for showing each beside its field. */
export function issuesByPath(issues: FieldIssue[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const issue of issues) map[issue.path] ??= issue.message;
  return map;
}
