import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../auth/user.entity';
import { AuthSessionEntity } from '../auth/auth-session.entity';
import { CandidateProfileEntity } from './candidate-profile.entity';
import { StaffAccountEntity } from '../staff/staff-account.entity';
import { InstitutionEntity } from '../staff/institution.entity';
import { LoginFailureEntity } from '../staff/login-failure.entity';
import { AuthController } from '../auth/auth.controller';
import { AuthGuard } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { IdentityService } from './identity.service';
import { MeController } from './me.controller';
import { PersonalDataCipher } from './personal-data.cipher';
import { PhoneBackfill } from './phone-backfill';
import { StaffController } from '../staff/staff.controller';
import { StaffService } from '../staff/staff.service';

/** Who the caller is: candidates signed in with WeChat (and their real names), staff and institution accounts. */
@Module({
  imports: [TypeOrmModule.forFeature([AuthSessionEntity, CandidateProfileEntity, InstitutionEntity, LoginFailureEntity, StaffAccountEntity, UserEntity])],
  controllers: [AuthController, MeController, StaffController],
  providers: [AuthService, AuthGuard, IdentityService, PersonalDataCipher, PhoneBackfill, StaffService],
  exports: [TypeOrmModule, AuthService, AuthGuard, IdentityService, PersonalDataCipher],
})
export class IdentityModule {}
