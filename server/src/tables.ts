import { ApplicationCommitmentEntity, ApplicationMaterialEntity } from './applications/application-material.entity';
import { ApplicationEntity } from './applications/application.entity';
import { ApplicationEventEntity } from './applications/application-event.entity';
import { AuthSessionEntity } from './auth/auth-session.entity';
import { BankCreditEntity } from './finance/bank-credit.entity';
import { BatchEntity } from './batches/batch.entity';
import { CalendarYearEntity } from './calendar/calendar-year.entity';
import { CandidateProfileEntity } from './identity/candidate-profile.entity';
import { CertificateEntity } from './certificates/certificate.entity';
import { EvaluationBodyEntity } from './plans/evaluation-body.entity';
import { ExamResultEntity } from './results/exam-result.entity';
import { ExamSessionEntity } from './sessions/exam-session.entity';
import { FileEntity } from './files/file.entity';
import { InstitutionEntity } from './staff/institution.entity';
import { LoginFailureEntity } from './staff/login-failure.entity';
import { MisconductRecordEntity } from './misconduct/misconduct-record.entity';
import { OutboxEntity } from './notifications/outbox.entity';
import { PaymentEntity } from './payments/payment.entity';
import { PlanEntity } from './plans/plan.entity';
import { PlanChangeEntity } from './plans/plan-change.entity';
import { SeatHoldEntity } from './sessions/seat-hold.entity';
import { StaffAccountEntity } from './staff/staff-account.entity';
import { StatementColumnsEntity } from './finance/statement-columns.entity';
import { SubscriptionCreditEntity } from './subscriptions/subscription-credit.entity';
import { TicketDocumentEntity } from './tickets/ticket-document.entity';
import { UserEntity } from './identity/user.entity';
import { VisitBookingEntity, VisitSlotEntity } from './visits/visit.entity';
import { SequenceEntity } from './database/sequence.entity';

/**
 * Every table, gathered at the top of the house: each feature registers its own with
 * `TypeOrmModule.forFeature` in its module (walls.spec.ts checks that the two lists agree), and the
 * database below knows none of them. The migrations, the root module and the drills read this list.
 */
export const ENTITIES = [
  TicketDocumentEntity,
  CalendarYearEntity,
  LoginFailureEntity,
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
  PlanChangeEntity,
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
  // The number sequences are the database's own plumbing (tickets, certificates and orders draw from them through Sequences).
  SequenceEntity,
];
