export type { CandidateProfileEntity } from './candidate-profile.entity';
export { IdentityModule } from './identity.module';
export { IdentityService } from './identity.service';
export { PersonalDataCipher } from './personal-data.cipher';
export { WechatUsers } from './wechat-users';
