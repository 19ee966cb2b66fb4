import { Endpoint } from './endpoint';
import { Controller, Param, Query, Res, UploadedFile } from '@nestjs/common';
import { DomainError, UPLOAD_TYPES, type FileLinkQuery } from '@skillcert/shared';
import type { Response } from 'express';
import { ANYONE_SIGNED_IN, type Actor } from '../access';
import { Allow, Auth } from '../auth';
import { FilesService, uploaderOf } from '../files';
import { FileUpload } from '../common/file-upload';

const LARGEST_UPLOAD = Math.max(...Object.values(UPLOAD_TYPES).map((t) => t.maxBytes));

@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** multipart/form-data with one part named `file` — what `Taro.uploadFile` sends. */
  @Endpoint('uploadFile')
  @Allow('candidate', 'institution')
  @FileUpload(LARGEST_UPLOAD + 1, { fields: 5 })
  upload(@Auth() actor: Actor, @UploadedFile() file: Express.Multer.File | undefined) {
    if (!file) throw new DomainError('FILE_EMPTY', '请选择要上传的文件');
    return this.files.upload(uploaderOf(actor), file.buffer);
  }

  @Endpoint('readFile')
  @Allow(...ANYONE_SIGNED_IN)
  async read(@Auth() actor: Actor, @Param() { id }: { id: string }, @Res() response: Response) {
    send(response, await this.files.read(actor, id));
  }

  /** The signed link from a file view: no header needed, dead after an hour. */
  @Endpoint('readSignedFile')
  async readSigned(@Param() { id }: { id: string }, @Query() query: FileLinkQuery, @Res() response: Response) {
    send(response, await this.files.readSigned(id, query.expires, query.sig));
  }
}

/**
 * A file someone uploaded, shown but never run: its checked type and nothing else (no sniffing), a sandbox
 * with no script, no plugin, no frame around it, and no copy kept (ID photos are personal data).
 */
function send(response: Response, { file, bytes }: { file: { type: string }; bytes: Buffer }): void {
  response
    .status(200)
    .set({
      'Content-Type': file.type,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
    })
    .send(bytes);
}
