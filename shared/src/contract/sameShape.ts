import type { output } from 'zod/v4/core';
import type { Plan } from '../plans/types';
import type { StatementColumns } from '../rules/bankStatement';
import type { EligibilityResult } from '../rules/eligibility';
import type { MakeupOptions } from '../rules/makeup';
import type { GradedSubject } from '../rules/results';
import type { ApplicationWindow } from '../rules/schedule';
import type { TicketView } from '../rules/tickets';
import type { ApplicantFacts } from '../types';
import type {
  applicationViewSchema,
  applicationWindowSchema,
  eligibilityResultSchema,
  gradedSubjectSchema,
  makeupOptionsSchema,
  planSchema,
  statementColumnsViewSchema,
  ticketViewSchema,
} from './views';

/**
 * The rules' own result types stay where the rules are; their wire schemas must describe exactly them.
 * Compile-time only: a field added to one side and not the other stops the build.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

export type WireShapesMatchRules = [
  Holds<Same<output<typeof planSchema>, Plan>>,
  Holds<Same<output<typeof eligibilityResultSchema>, EligibilityResult>>,
  Holds<Same<output<typeof applicationWindowSchema>, ApplicationWindow>>,
  // The facts an application answers with are the facts the request schema takes in.
  Holds<Same<output<typeof applicationViewSchema>['facts'], ApplicantFacts>>,
  Holds<Same<output<typeof makeupOptionsSchema>, MakeupOptions>>,
  Holds<Same<output<typeof gradedSubjectSchema>, GradedSubject>>,
  Holds<Same<output<typeof ticketViewSchema>, TicketView>>,
  Holds<Same<NonNullable<output<typeof statementColumnsViewSchema>['saved']>, StatementColumns>>,
];
