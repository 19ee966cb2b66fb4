import { Endpoint } from './endpoint';
import { Body, Controller, Param, Query, UploadedFile } from '@nestjs/common';
import { DomainError, type ConfirmCreditRequest, type CreditQuery, type RefundQuery, type StatementColumnsRequest } from '@skillcert/shared';
import type { StaffActor } from '../access';
import { Allow, CurrentStaff } from '../auth';
import { FinanceService } from '../finance';
import { FileUpload } from '../common/file-upload';

@Controller()
@Allow('finance', 'admin')
export class FinanceController {
  constructor(private readonly finance: FinanceService) {}

  /** A bank statement (.xlsx or .csv), multipart with one part named `file`. */
  @Endpoint('importStatement')
  @FileUpload(10 * 1024 * 1024)
  importStatement(@CurrentStaff() actor: StaffActor, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.finance.importStatement(actor, file?.buffer);
  }

  /** The body's mapping of its bank's columns. */
  @Endpoint('statementColumns')
  statementColumns(@CurrentStaff() actor: StaffActor) {
    return this.finance.statementColumns(actor);
  }

  /** A statement whose columns are not known yet: its header row, for finance to map. Nothing is imported. */
  @Endpoint('statementLayout')
  @FileUpload(10 * 1024 * 1024)
  statementLayout(@CurrentStaff() actor: StaffActor, @UploadedFile() file: Express.Multer.File | undefined) {
    if (!file?.buffer.length) throw new DomainError('FILE_EMPTY');
    return this.finance.statementColumns(actor, file.buffer);
  }

  @Endpoint('saveStatementColumns')
  saveStatementColumns(@CurrentStaff() actor: StaffActor, @Body() columns: StatementColumnsRequest) {
    return this.finance.saveStatementColumns(actor, columns);
  }

  @Endpoint('credits')
  credits(@CurrentStaff() actor: StaffActor, @Query() query: CreditQuery) {
    return this.finance.credits(actor, query);
  }

  @Endpoint('confirmCredit')
  confirm(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() body: ConfirmCreditRequest) {
    return this.finance.confirm(actor, id, body.applicationId);
  }

  /** Candidates for a credit the statement could not place, the ones it names first. */
  @Endpoint('creditCandidates')
  pendingFor(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.finance.pendingFor(actor, id);
  }

  /** Money going back (a fee paid twice, a cancelled application's fee) and money that fits no fee. */
  @Endpoint('refunds')
  refunds(@CurrentStaff() actor: StaffActor, @Query() query: RefundQuery) {
    return this.finance.refunds(actor, query);
  }

  /** A transfer finance has sent back to the account it came from. */
  @Endpoint('refundSent')
  refundSent(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.finance.refundSent(actor, id);
  }

  @Endpoint('ignoreCredit')
  ignore(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }): Promise<void> {
    return this.finance.ignore(actor, id);
  }
}
