import { Endpoint } from './endpoint';
import { Body, Controller, Param, Query, Req, Res } from '@nestjs/common';
import { type EligibilityRequest, type WindowQuery } from '@skillcert/shared';
import type { Request, Response } from 'express';
import { sendRepresentation } from '../common/http-cache';
import { PlansService } from '../plans';

/** The catalog changes with a release: a client or a CDN may keep it five minutes, then ask again with its ETag. */
const CATALOG_CACHE = 'public, max-age=300';
/** A plan's answer names whether its acceptance point is open now: a minute at most. */
const DETAIL_CACHE = 'public, max-age=60';

@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Endpoint('listPlans')
  list(@Req() req: Request, @Res() res: Response) {
    sendRepresentation(req, res, this.plans.list(), CATALOG_CACHE);
  }

  @Endpoint('planDetail')
  detail(@Param() { id }: { id: string }, @Req() req: Request, @Res() res: Response) {
    sendRepresentation(req, res, this.plans.detail(id), DETAIL_CACHE);
  }

  @Endpoint('checkEligibility')
  eligibility(@Param() { id }: { id: string }, @Body() body: EligibilityRequest) {
    return this.plans.eligibility(id, body);
  }

  @Endpoint('applicationWindow')
  window(@Param() { id }: { id: string }, @Query() query: WindowQuery) {
    return this.plans.window(id, query);
  }
}
