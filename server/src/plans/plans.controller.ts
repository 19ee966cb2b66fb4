import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { eligibilityRequestSchema, idParamSchema, windowQuerySchema, type EligibilityRequest, type WindowQuery } from '@skillcert/shared';
import type { Request, Response } from 'express';
import { sendRepresentation } from '../common/http-cache';
import { ZodPipe } from '../common/zod-pipe';
import { PlansService } from './plans.service';

/** The catalog changes with a release: a client or a CDN may keep it five minutes, then ask again with its ETag. */
const CATALOG_CACHE = 'public, max-age=300';
/** A plan's answer names whether its acceptance point is open now: a minute at most. */
const DETAIL_CACHE = 'public, max-age=60';

@Controller('api/plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  list(@Req() req: Request, @Res() res: Response) {
    sendRepresentation(req, res, this.plans.list(), CATALOG_CACHE);
  }

  @Get(':id')
  detail(@Param(new ZodPipe(idParamSchema)) { id }: { id: string }, @Req() req: Request, @Res() res: Response) {
    sendRepresentation(req, res, this.plans.detail(id), DETAIL_CACHE);
  }

  @Post(':id/eligibility')
  @HttpCode(200)
  eligibility(@Param(new ZodPipe(idParamSchema)) { id }: { id: string }, @Body(new ZodPipe(eligibilityRequestSchema)) body: EligibilityRequest) {
    return this.plans.eligibility(id, body);
  }

  @Get(':id/window')
  window(@Param(new ZodPipe(idParamSchema)) { id }: { id: string }, @Query(new ZodPipe(windowQuerySchema)) query: WindowQuery) {
    return this.plans.window(id, query);
  }
}
