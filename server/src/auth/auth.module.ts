import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { AuthSessionEntity } from './auth-session.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { StaffSignIn } from './staff-sign-in';
import { StaffModule } from '../staff/staff.module';

/**
 * Who is calling: WeChat sign-in, the sessions every request is checked against, and the guard that
 * checks them. Global, because every feature's routes are behind its guard.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuthSessionEntity]), IdentityModule, StaffModule],
  controllers: [AuthController],
  providers: [AuthService, AuthGuard, StaffSignIn],
  exports: [AuthService, AuthGuard, StaffSignIn],
})
export class AuthModule {}
