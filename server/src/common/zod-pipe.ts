import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError, parseWith } from '@skillcert/shared';
import type { z } from 'zod';

/** Validates a request part with a shared schema; failures become VALIDATION_FAILED with per-field Chinese messages. */
@Injectable()
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: z.ZodType<T, unknown>) {}

  transform(value: unknown): T {
    const parsed = parseWith(this.schema, value);
    if (parsed.ok) return parsed.data;
    const first = parsed.issues[0];
    const message = first ? `${first.message}${first.path ? `（${first.path}）` : ''}` : undefined;
    throw new DomainError('VALIDATION_FAILED', message, parsed.issues);
  }
}
