import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CandidateProfileEntity } from './candidate-profile.entity';
import { IdentityService } from './identity.service';
import { PersonalDataCipher } from './personal-data.cipher';
import { PhoneBackfill } from './phone-backfill';
import { UserEntity } from './user.entity';
import { WechatUsers } from './wechat-users';

/** The people who sign in with WeChat and a candidate's real name: the profile checked against the ID number, the WeChat phone, personal data sealed at rest. */
@Module({
  imports: [TypeOrmModule.forFeature([CandidateProfileEntity, UserEntity])],
  providers: [IdentityService, PersonalDataCipher, PhoneBackfill, WechatUsers],
  exports: [IdentityService, PersonalDataCipher, WechatUsers],
})
export class IdentityModule {}
