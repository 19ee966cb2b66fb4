import {
  applyDecorators,
  mixin,
  PayloadTooLargeException,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { raw, type Request, type Response } from 'express';
import { memoryStorage } from 'multer';
import type { Observable } from 'rxjs';

/** The header that names a file sent as a raw body (URI-encoded: names are often Chinese). */
export const UPLOAD_NAME_HEADER = 'x-upload-name';

/**
 * One file per request, however the app sends it: multipart/form-data with a
 * part named `file` (wx.uploadFile, a browser), or the bytes themselves as
 * application/octet-stream with their name in X-Upload-Name — WeChat Cloud
 * Hosting's callContainer cannot send multipart. The same limit for both; the
 * route reads it with @UploadedFile() either way.
 */
export function FileUpload(maxBytes: number, limits: { fields?: number } = {}): MethodDecorator {
  return applyDecorators(
    UseInterceptors(rawBodyAsFile(maxBytes), FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: maxBytes, files: 1, ...limits } })),
  );
}

function rawBodyAsFile(maxBytes: number): Type<NestInterceptor> {
  const read = raw({ type: 'application/octet-stream', limit: maxBytes });
  class RawBodyAsFile implements NestInterceptor {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<Request>();
      if (request.is('application/octet-stream')) {
        await new Promise<void>((done, fail) =>
          read(request, context.switchToHttp().getResponse<Response>(), (error?: unknown) => {
            const status = (error as { status?: unknown } | undefined)?.status;
            if (status === 413) fail(new PayloadTooLargeException());
            else if (error) fail(error);
            else done();
          }),
        );
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const named = request.header(UPLOAD_NAME_HEADER);
        let originalname = 'upload';
        try {
          if (named) originalname = decodeURIComponent(named);
        } catch {
          // A name that is not valid URI encoding is only a name: the bytes decide what the file is.
        }
        if (bytes.length)
          request.file = {
            fieldname: 'file',
            originalname,
            encoding: '7bit',
            mimetype: 'application/octet-stream',
            size: bytes.length,
            buffer: bytes,
          } as Express.Multer.File;
      }
      return next.handle();
    }
  }
  return mixin(RawBodyAsFile);
}
