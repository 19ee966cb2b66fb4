import { Module } from '@nestjs/common';
import { AuthController } from '../auth/auth.controller';
import { AuthGuard } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { IdentityService } from './identity.service';
import { MeController } from './me.controller';
import { PersonalDataCipher } from './personal-data.cipher';

/** Sign-in and real-name profiles: who the caller is, and who they are in real life. */
@Module({
  controllers: [AuthController, MeController],
  providers: [AuthService, AuthGuard, IdentityService, PersonalDataCipher],
  exports: [AuthService, AuthGuard, IdentityService, PersonalDataCipher],
})
export class IdentityModule {}
