import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { AuthSessionEntity } from './auth-session.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { UserEntity } from './user.entity';

/**
 * Who is calling: WeChat sign-in, the sessions every request is checked against, and the guard that
 * checks them. Global, because every feature's routes are behind its guard.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuthSessionEntity, UserEntity]), IdentityModule],
  controllers: [AuthController],
  providers: [AuthService, AuthGuard],
  exports: [AuthService, AuthGuard],
})
export class AuthModule {}
