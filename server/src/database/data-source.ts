import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { ApplicationEventEntity } from '../applications/application-event.entity';
import { ApplicationCommitmentEntity, ApplicationMaterialEntity } from '../applications/application-material.entity';
import { ApplicationEntity } from '../applications/application.entity';
import { BatchEntity } from '../batches/batch.entity';
import { FileEntity } from '../files/file.entity';
import { VisitBookingEntity, VisitSlotEntity } from '../visits/visit.entity';
import { AuthSessionEntity } from '../auth/auth-session.entity';
import { UserEntity } from '../auth/user.entity';
import { CandidateProfileEntity } from '../identity/candidate-profile.entity';
import { EvaluationBodyEntity } from '../plans/evaluation-body.entity';
import { PlanEntity } from '../plans/plan.entity';
import { ExamSessionEntity } from '../sessions/exam-session.entity';
import { SeatHoldEntity } from '../sessions/seat-hold.entity';
import { InstitutionEntity } from '../staff/institution.entity';
import { StaffAccountEntity } from '../staff/staff-account.entity';
import { Init1763800000000 } from './migrations/1763800000000-init';
import { Identity1763900000000 } from './migrations/1763900000000-identity';
import { ExamSessions1764000000000 } from './migrations/1764000000000-exam-sessions';
import { Applications1764100000000 } from './migrations/1764100000000-applications';
import { Payments1764300000000 } from './migrations/1764300000000-payments';
import { Refunds1764400000000 } from './migrations/1764400000000-refunds';
import { BankCredits1764500000000 } from './migrations/1764500000000-bank-credits';
import { BankCreditEntity } from '../finance/bank-credit.entity';
import { SubscriptionCredits1764600000000 } from './migrations/1764600000000-subscription-credits';
import { BankCreditBatches1764700000000 } from './migrations/1764700000000-bank-credit-batches';
import { BatchPayments1764800000000 } from './migrations/1764800000000-batch-payments';
import { StatementColumns1764900000000 } from './migrations/1764900000000-statement-columns';
import { Outbox1765000000000 } from './migrations/1765000000000-outbox';
import { CheckIn1765100000000 } from './migrations/1765100000000-check-in';
import { Results1765200000000 } from './migrations/1765200000000-results';
import { Misconduct1765300000000 } from './migrations/1765300000000-misconduct';
import { Certificates1765400000000 } from './migrations/1765400000000-certificates';
import { Makeup1765500000000 } from './migrations/1765500000000-makeup';
import { OneOpenSchoolOrder1765600000000 } from './migrations/1765600000000-one-open-school-order';
import { NumberSequences1765700000000 } from './migrations/1765700000000-number-sequences';
import { SequenceEntity } from './sequence.entity';
import { LoginFailures1765800000000 } from './migrations/1765800000000-login-failures';
import { StaffLifecycle1765900000000 } from './migrations/1765900000000-staff-lifecycle';
import { PhonesSealed1766000000000 } from './migrations/1766000000000-phones-sealed';
import { SharedFilesAndIndexes1766100000000 } from './migrations/1766100000000-shared-files-and-indexes';
import { MisconductActsQuoted1766200000000 } from './migrations/1766200000000-misconduct-acts-quoted';
import { TransferNotices1766300000000 } from './migrations/1766300000000-transfer-notices';
import { MoneyOnce1766400000000 } from './migrations/1766400000000-money-once';
import { TicketDocuments1766500000000 } from './migrations/1766500000000-ticket-documents';
import { TicketDocumentEntity } from '../tickets/ticket-document.entity';
import { LoginFailureEntity } from '../staff/login-failure.entity';
import { CertificateEntity } from '../certificates/certificate.entity';
import { MisconductRecordEntity } from '../misconduct/misconduct-record.entity';
import { ExamResultEntity } from '../results/exam-result.entity';
import { OutboxEntity } from '../notifications/outbox.entity';
import { StatementColumnsEntity } from '../finance/statement-columns.entity';
import { SubscriptionCreditEntity } from '../subscriptions/subscription-credit.entity';
import { PaymentEntity } from '../payments/payment.entity';
import { MaterialsVisitsBatches1764200000000 } from './migrations/1764200000000-materials-visits-batches';

export const ENTITIES = [
  TicketDocumentEntity,
  LoginFailureEntity,
  SequenceEntity,
  SubscriptionCreditEntity,
  BankCreditEntity,
  PaymentEntity,
  StatementColumnsEntity,
  OutboxEntity,
  ExamResultEntity,
  MisconductRecordEntity,
  CertificateEntity,
  EvaluationBodyEntity,
  PlanEntity,
  UserEntity,
  AuthSessionEntity,
  CandidateProfileEntity,
  InstitutionEntity,
  StaffAccountEntity,
  ExamSessionEntity,
  SeatHoldEntity,
  ApplicationEntity,
  ApplicationEventEntity,
  FileEntity,
  ApplicationMaterialEntity,
  ApplicationCommitmentEntity,
  VisitSlotEntity,
  VisitBookingEntity,
  BatchEntity,
];
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
];

/** Migrations always — never `synchronize` — on MariaDB and on the embedded SQLite alike. */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: true, synchronize: false, logging: false } as const;
  if (database.kind === 'mariadb') {
    // TypeORM's 'mariadb' driver, not 'mysql': with 'mysql' a MariaDB schema diff sees phantom changes.
    return {
      ...common,
      type: 'mariadb',
      url: database.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      connectTimeout: 5000,
      // mysql2 captures a stack trace on every query to decorate a possible error: 5% of the server's time under a crowd.
      // Our errors are logged where they are caught, with the statement; the driver's extra frames add nothing there.
      trace: false,
      ...(database.poolSize ? { poolSize: database.poolSize } : {}),
      // A full queue refuses at once (see isPoolSaturated): a burst is told to come back, not kept waiting.
      // Hot reads are prepared once per connection (see readRows); a small cache keeps MariaDB's global count of them low.
      extra: { maxPreparedStatements: 64, ...(database.queueLimit ? { queueLimit: database.queueLimit } : {}) },
    };
  }
  // WAL: readers no longer wait for a commit's fsync; a writer that finds the file busy waits up to 5 s rather than failing.
  return { ...common, type: 'better-sqlite3', database: database.path, enableWAL: database.path !== ':memory:', timeout: 5000 };
}
