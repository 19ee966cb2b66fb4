import { applyDecorators, createParamDecorator, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@skillcert/shared';
import type { Request } from 'express';
import { admits, type Actor, type Audience, type CandidateActor, type StaffActor } from '../access';
import { AuthService } from './auth.service';

type AuthedRequest = Request & { actor?: Actor };
const AUDIENCE = 'skillcert:audience';
const OPEN_DURING_PASSWORD_CHANGE = 'skillcert:open-during-password-change';

/** The few routes someone signed in with a temporary password may use: who am I, set my password, sign out. */
export const OpenDuringPasswordChange = () => SetMetadata(OPEN_DURING_PASSWORD_CHANGE, true);

/**
 * Requires a live session token (`Authorization: Bearer …`) whose holder is in the
 * route's audience. Whether they may touch *this* record is the service's check.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw new DomainError('UNAUTHENTICATED');
    const actor = await this.auth.authenticate(token);
    const audience = this.reflector.getAllAndOverride<Audience[] | undefined>(AUDIENCE, [context.getHandler(), context.getClass()]);
    if (audience && !admits(actor, audience)) throw new DomainError('FORBIDDEN');
    if (actor.kind === 'staff' && actor.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(OPEN_DURING_PASSWORD_CHANGE, [context.getHandler()]))
      throw new DomainError('PASSWORD_CHANGE_REQUIRED');
    request.actor = actor;
    return true;
  }
}

/** Whom a route admits, as `@Allow` on the handler or its controller says; undefined when it is open. */
export function audienceOf(handler: () => unknown, controller: object): readonly Audience[] | undefined {
  return (Reflect.getMetadata(AUDIENCE, handler) ?? Reflect.getMetadata(AUDIENCE, controller)) as readonly Audience[] | undefined;
}

/** Signed in, and one of these: `@Allow('candidate')`, `@Allow('admin')`, `@Allow('reviewer', 'admin')`. */
export function Allow(...audience: Audience[]) {
  return applyDecorators(SetMetadata(AUDIENCE, audience), UseGuards(AuthGuard));
}

function actorOf(context: ExecutionContext): Actor {
  const actor = context.switchToHttp().getRequest<AuthedRequest>().actor;
  if (!actor) throw new DomainError('UNAUTHENTICATED');
  return actor;
}

export const Auth = createParamDecorator((_: unknown, context: ExecutionContext): Actor => actorOf(context));

export const CurrentCandidate = createParamDecorator((_: unknown, context: ExecutionContext): CandidateActor => {
  const actor = actorOf(context);
  if (actor.kind !== 'candidate') throw new DomainError('FORBIDDEN');
  return actor;
});

export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext): StaffActor => {
  const actor = actorOf(context);
  if (actor.kind !== 'staff') throw new DomainError('FORBIDDEN');
  return actor;
});
