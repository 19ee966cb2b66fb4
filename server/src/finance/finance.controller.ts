import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UploadedFile } from '@nestjs/common';
import {
  confirmCreditSchema,
  DomainError,
  creditQuerySchema,
  idParamSchema,
  refundQuerySchema,
  statementColumnsSchema,
  type ConfirmCreditRequest,
  type CreditQuery,
  type RefundQuery,
  type StatementColumnsRequest,
} from '@skillcert/shared';
import type { StaffActor } from '../access/actor';
import { Allow, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { FinanceService } from './finance.service';
import { FileUpload } from '../common/file-upload';

@Controller('api/finance')
@Allow('finance', 'admin')
export class FinanceController {
  constructor(private readonly finance: FinanceService) {}

  /** A bank statement (.xlsx or .csv), multipart with one part named `file`. */
  @Post('statements')
  @HttpCode(200)
  @FileUpload(10 * 1024 * 1024)
  importStatement(@CurrentStaff() actor: StaffActor, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.finance.importStatement(actor, file?.buffer);
  }

  /** The body's mapping of its bank's columns. */
  @Get('statement-columns')
  statementColumns(@CurrentStaff() actor: StaffActor) {
    return this.finance.statementColumns(actor);
  }

  /** A statement whose columns are not known yet: its header row, for finance to map. Nothing is imported. */
  @Post('statement-columns/layout')
  @HttpCode(200)
  @FileUpload(10 * 1024 * 1024)
  statementLayout(@CurrentStaff() actor: StaffActor, @UploadedFile() file: Express.Multer.File | undefined) {
    if (!file?.buffer.length) throw new DomainError('FILE_EMPTY');
    return this.finance.statementColumns(actor, file.buffer);
  }

  @Put('statement-columns')
  saveStatementColumns(@CurrentStaff() actor: StaffActor, @Body(new ZodPipe(statementColumnsSchema)) columns: StatementColumnsRequest) {
    return this.finance.saveStatementColumns(actor, columns);
  }

  @Get('credits')
  credits(@CurrentStaff() actor: StaffActor, @Query(new ZodPipe(creditQuerySchema)) query: CreditQuery) {
    return this.finance.credits(actor, query);
  }

  @Post('credits/:id/confirm')
  @HttpCode(200)
  confirm(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(confirmCreditSchema)) body: ConfirmCreditRequest,
  ) {
    return this.finance.confirm(actor, id, body.applicationId);
  }

  /** Candidates for a credit the statement could not place, the ones it names first. */
  @Get('credits/:id/applications')
  pendingFor(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.finance.pendingFor(actor, id);
  }

  /** Money going back (a fee paid twice, a cancelled application's fee) and money that fits no fee. */
  @Get('refunds')
  refunds(@CurrentStaff() actor: StaffActor, @Query(new ZodPipe(refundQuerySchema)) query: RefundQuery) {
    return this.finance.refunds(actor, query);
  }

  /** A transfer finance has sent back to the account it came from. */
  @Post('refunds/:id/sent')
  @HttpCode(200)
  refundSent(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.finance.refundSent(actor, id);
  }

  @Post('credits/:id/ignore')
  @HttpCode(204)
  ignore(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }): Promise<void> {
    return this.finance.ignore(actor, id);
  }
}
