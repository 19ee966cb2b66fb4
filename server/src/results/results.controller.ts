import { Body, Controller, Get, HttpCode, Param, Post, Put, Res, UploadedFile } from '@nestjs/common';
import { idParamSchema, type SubjectKind } from '@skillcert/shared';
import type { Response } from 'express';
import { enterScoresSchema, sessionCandidateParamSchema } from '@skillcert/shared/contract';
import type { StaffActor } from '../access/actor';
import { Allow, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { ResultsService } from './results.service';
import { FileUpload } from '../common/file-upload';

@Controller('api/results/sessions/:id')
@Allow('proctor', 'admin')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get()
  view(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.results.view(actor, id);
  }

  /** The score sheet to fill in: the session's candidates, a column per subject. */
  @Get('template')
  async template(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }, @Res() response: Response) {
    const bytes = await this.results.template(actor, id);
    response
      .status(200)
      .set({
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="scores.xlsx"; filename*=UTF-8''${encodeURIComponent('成绩表.xlsx')}`,
      })
      .send(bytes);
  }

  /** A filled score sheet: every row written, or none and each problem by row and column. */
  @Post('scores')
  @HttpCode(200)
  @FileUpload(5 * 1024 * 1024)
  importScores(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    return this.results.importSheet(actor, id, file?.buffer);
  }

  @Put('candidates/:applicationId')
  enter(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(sessionCandidateParamSchema)) { id, applicationId }: { id: string; applicationId: string },
    @Body(new ZodPipe(enterScoresSchema)) { scores }: { scores: Partial<Record<SubjectKind, string>> },
  ) {
    return this.results.enter(actor, id, applicationId, scores);
  }

  /** By an admin who did not enter the marks. */
  @Post('publish')
  @HttpCode(200)
  @Allow('admin')
  publish(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.results.publish(actor, id);
  }
}
