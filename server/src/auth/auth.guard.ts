import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '@skillcert/shared';
import type { Request } from 'express';
import { AuthService, type Actor } from './auth.service';

type AuthedRequest = Request & { actor?: Actor };

/** Requires a live session token (`Authorization: Bearer …`) and puts the caller on the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw new DomainError('UNAUTHENTICATED');
    request.actor = await this.auth.authenticate(token);
    return true;
  }
}

export const Auth = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthedRequest>().actor;
  if (!actor) throw new DomainError('UNAUTHENTICATED');
  return actor;
});
