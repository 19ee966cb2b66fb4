import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError, parseWith } from '@skillcert/shared';
import type { $ZodType, output } from 'zod/v4/core';

/** Validates a request part with a shared schema; failures become VALIDATION_FAILED with per-field Chinese messages. */
@Injectable()
export class ZodPipe<S extends $ZodType> implements PipeTransform<unknown, output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): output<S> {
    const parsed = parseWith(this.schema, value);
    if (parsed.ok) return parsed.data;
    const first = parsed.issues[0];
    const message = first ? `${first.message}${first.path ? `（${first.path}）` : ''}` : undefined;
    throw new DomainError('VALIDATION_FAILED', message, parsed.issues);
  }
}
