import { Body, Controller, Get, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { createStaffSchema, staffLoginSchema, type CreateStaffRequest, type StaffLoginRequest } from '@skillcert/shared';
import type { StaffActor } from '../auth/actor';
import { Allow, CurrentStaff } from '../auth/auth.guard';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RateLimiter } from '../common/rate-limiter';
import { ZodPipe } from '../common/zod-pipe';
import { StaffService } from './staff.service';

@Controller('api/staff')
export class StaffController {
  /** Per address per 10 minutes (30 by default): a counter's shared network still fits, a password spray does not. */
  private readonly attemptsPerAddress: RateLimiter;

  constructor(
    private readonly staff: StaffService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.attemptsPerAddress = new RateLimiter(config.loginAttemptsPerAddress, 10 * 60_000);
  }

  @Post('login')
  @HttpCode(200)
  login(@Ip() ip: string, @Body(new ZodPipe(staffLoginSchema)) body: StaffLoginRequest) {
    this.attemptsPerAddress.hit(ip, this.clock.now());
    return this.staff.login(body, ip);
  }

  @Get('me')
  @Allow('institution', 'reviewer', 'finance', 'proctor', 'admin')
  me(@CurrentStaff() actor: StaffActor) {
    return this.staff.me(actor);
  }

  @Get('accounts')
  @Allow('admin')
  list(@CurrentStaff() actor: StaffActor) {
    return this.staff.list(actor);
  }

  @Post('accounts')
  @Allow('admin')
  create(@CurrentStaff() actor: StaffActor, @Body(new ZodPipe(createStaffSchema)) body: CreateStaffRequest) {
    return this.staff.create(actor, body);
  }
}
