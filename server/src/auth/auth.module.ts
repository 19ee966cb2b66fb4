import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity';
import { AuthSessionEntity } from './auth-session.entity';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { StaffSignIn } from './staff-sign-in';
import { StaffModule } from '../staff';

/**
 * Who is calling: WeChat sign-in, the sessions every request is checked against, and the guard that
 * checks them. Global, because every feature's routes are behind its guard.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuthSessionEntity]), IdentityModule, StaffModule],
  providers: [AuthService, AuthGuard, StaffSignIn],
  exports: [AuthService, AuthGuard, StaffSignIn],
})
export class AuthModule {}
