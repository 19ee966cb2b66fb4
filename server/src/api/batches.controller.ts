import { Endpoint } from './endpoint';
import { Body, Controller, Param, Res, UploadedFile } from '@nestjs/common';
import { type CreateBatchRequest, type MemberMaterialsRequest, type PrereviewRequest } from '@skillcert/shared';
import type { Response } from 'express';
import type { StaffActor } from '../access';
import { Allow, CurrentStaff } from '../auth';
import { BatchesService, rosterTemplate } from '../batches';
import { FileUpload } from '../common/file-upload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@Controller()
@Allow('institution')
export class BatchesController {
  constructor(private readonly batches: BatchesService) {}

  /** The Excel template to fill in. */
  @Endpoint('rosterTemplate')
  async template(@Res() response: Response) {
    const bytes = await rosterTemplate('团体申报名单');
    response
      .status(200)
      .set({
        'Content-Type': XLSX,
        'Content-Disposition': `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent('团体申报名单模板.xlsx')}`,
      })
      .send(bytes);
  }

  @Endpoint('createBatch')
  create(@CurrentStaff() actor: StaffActor, @Body() body: CreateBatchRequest) {
    return this.batches.create(actor, body);
  }

  @Endpoint('batches')
  list(@CurrentStaff() actor: StaffActor) {
    return this.batches.list(actor);
  }

  @Endpoint('batch')
  one(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.batches.one(actor, id);
  }

  /** The filled roster, multipart with one part named `file`. */
  @Endpoint('importRoster')
  @FileUpload(5 * 1024 * 1024)
  importRoster(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.batches.importRoster(actor, id, file?.buffer);
  }

  @Endpoint('attachMemberMaterials')
  memberMaterials(@CurrentStaff() actor: StaffActor, @Param() params: { id: string; applicationId: string }, @Body() body: MemberMaterialsRequest) {
    return this.batches.memberMaterials(actor, params.id, params.applicationId, body);
  }

  @Endpoint('prereview')
  prereview(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() body: PrereviewRequest) {
    return this.batches.prereview(actor, id, body);
  }

  @Endpoint('submitBatch')
  submit(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.batches.submit(actor, id);
  }
}
