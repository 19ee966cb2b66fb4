import { Body, Controller, Get, Param, Post, Put, Res, UploadedFile, HttpCode } from '@nestjs/common';
import {
  createBatchSchema,
  idParamSchema,
  memberMaterialsSchema,
  memberParamSchema,
  prereviewSchema,
  type CreateBatchRequest,
  type MemberMaterialsRequest,
  type PrereviewRequest,
} from '@skillcert/shared';
import type { Response } from 'express';
import type { StaffActor } from '../access/actor';
import { Allow, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { BatchesService } from './batches.service';
import { rosterTemplate } from './roster-workbook';
import { FileUpload } from '../common/file-upload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@Controller('api/institution/batches')
@Allow('institution')
export class BatchesController {
  constructor(private readonly batches: BatchesService) {}

  /** The Excel template to fill in. */
  @Get('roster-template')
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

  @Post()
  create(@CurrentStaff() actor: StaffActor, @Body(new ZodPipe(createBatchSchema)) body: CreateBatchRequest) {
    return this.batches.create(actor, body);
  }

  @Get()
  list(@CurrentStaff() actor: StaffActor) {
    return this.batches.list(actor);
  }

  @Get(':id')
  one(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.batches.one(actor, id);
  }

  /** The filled roster, multipart with one part named `file`. */
  @Post(':id/roster')
  @HttpCode(200)
  @FileUpload(5 * 1024 * 1024)
  importRoster(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    return this.batches.importRoster(actor, id, file?.buffer);
  }

  @Put(':id/members/:applicationId/materials')
  memberMaterials(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(memberParamSchema)) params: { id: string; applicationId: string },
    @Body(new ZodPipe(memberMaterialsSchema)) body: MemberMaterialsRequest,
  ) {
    return this.batches.memberMaterials(actor, params.id, params.applicationId, body);
  }

  @Post(':id/prereview')
  @HttpCode(200)
  prereview(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(prereviewSchema)) body: PrereviewRequest,
  ) {
    return this.batches.prereview(actor, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.batches.submit(actor, id);
  }
}
