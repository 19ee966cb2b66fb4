import { Applications1764100000000 } from './1764100000000-applications';
import { BankCreditBatches1764700000000 } from './1764700000000-bank-credit-batches';
import { BankCredits1764500000000 } from './1764500000000-bank-credits';
import { BatchPayments1764800000000 } from './1764800000000-batch-payments';
import { Certificates1765400000000 } from './1765400000000-certificates';
import { CheckIn1765100000000 } from './1765100000000-check-in';
import { ExamSessions1764000000000 } from './1764000000000-exam-sessions';
import { Identity1763900000000 } from './1763900000000-identity';
import { Init1763800000000 } from './1763800000000-init';
import { LoginFailures1765800000000 } from './1765800000000-login-failures';
import { Makeup1765500000000 } from './1765500000000-makeup';
import { MaterialsVisitsBatches1764200000000 } from './1764200000000-materials-visits-batches';
import { Misconduct1765300000000 } from './1765300000000-misconduct';
import { MisconductActsQuoted1766200000000 } from './1766200000000-misconduct-acts-quoted';
import { MoneyOnce1766400000000 } from './1766400000000-money-once';
import { NumberSequences1765700000000 } from './1765700000000-number-sequences';
import { OneOpenSchoolOrder1765600000000 } from './1765600000000-one-open-school-order';
import { Outbox1765000000000 } from './1765000000000-outbox';
import { Payments1764300000000 } from './1764300000000-payments';
import { PhonesSealed1766000000000 } from './1766000000000-phones-sealed';
import { Refunds1764400000000 } from './1764400000000-refunds';
import { Results1765200000000 } from './1765200000000-results';
import { SharedFilesAndIndexes1766100000000 } from './1766100000000-shared-files-and-indexes';
import { StaffLifecycle1765900000000 } from './1765900000000-staff-lifecycle';
import { StatementColumns1764900000000 } from './1764900000000-statement-columns';
import { SubscriptionCredits1764600000000 } from './1764600000000-subscription-credits';
import { TicketDocuments1766500000000 } from './1766500000000-ticket-documents';
import { CalendarYears1766600000000 } from './1766600000000-calendar-years';
import { PlanRevisions1766700000000 } from './1766700000000-plan-revisions';
import { ApplicationFees1766800000000 } from './1766800000000-application-fees';
import { TransferNotices1766300000000 } from './1766300000000-transfer-notices';

/** Every schema change, oldest first: run in this order on MariaDB and on the embedded SQLite alike. */
export const MIGRATIONS = [
  Init1763800000000,
  Identity1763900000000,
  ExamSessions1764000000000,
  Applications1764100000000,
  MaterialsVisitsBatches1764200000000,
  Payments1764300000000,
  Refunds1764400000000,
  BankCredits1764500000000,
  SubscriptionCredits1764600000000,
  BankCreditBatches1764700000000,
  BatchPayments1764800000000,
  StatementColumns1764900000000,
  Outbox1765000000000,
  CheckIn1765100000000,
  Results1765200000000,
  Misconduct1765300000000,
  Certificates1765400000000,
  Makeup1765500000000,
  OneOpenSchoolOrder1765600000000,
  NumberSequences1765700000000,
  LoginFailures1765800000000,
  StaffLifecycle1765900000000,
  PhonesSealed1766000000000,
  SharedFilesAndIndexes1766100000000,
  MisconductActsQuoted1766200000000,
  TransferNotices1766300000000,
  MoneyOnce1766400000000,
  TicketDocuments1766500000000,
  CalendarYears1766600000000,
  PlanRevisions1766700000000,
  ApplicationFees1766800000000,
];
