import { Endpoint } from './endpoint';
import { Body, Controller, Param, Res, UploadedFile } from '@nestjs/common';
import { type SubjectKind } from '@skillcert/shared';
import type { Response } from 'express';
import type { StaffActor } from '../access';
import { Allow, CurrentStaff } from '../auth';
import { ResultsService } from '../results';
import { FileUpload } from '../common/file-upload';

@Controller()
@Allow('proctor', 'admin')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Endpoint('sessionResults')
  view(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.results.view(actor, id);
  }

  /** The score sheet to fill in: the session's candidates, a column per subject. */
  @Endpoint('scoreSheetTemplate')
  async template(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Res() response: Response) {
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
  @Endpoint('importScores')
  @FileUpload(5 * 1024 * 1024)
  importScores(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.results.importSheet(actor, id, file?.buffer);
  }

  @Endpoint('enterScores')
  enter(
    @CurrentStaff() actor: StaffActor,
    @Param() { id, applicationId }: { id: string; applicationId: string },
    @Body() { scores }: { scores: Partial<Record<SubjectKind, string>> },
  ) {
    return this.results.enter(actor, id, applicationId, scores);
  }

  /** By an admin who did not enter the marks. */
  @Endpoint('publishResults')
  @Allow('admin')
  publish(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.results.publish(actor, id);
  }
}
