import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { IdentityModule } from '../identity/identity.module';
import { SessionsModule } from '../sessions/sessions.module';
import { MisconductController } from './misconduct.controller';
import { MisconductService } from './misconduct.service';

@Module({ imports: [IdentityModule, ApplicationsModule, SessionsModule], controllers: [MisconductController], providers: [MisconductService] })
export class MisconductModule {}
