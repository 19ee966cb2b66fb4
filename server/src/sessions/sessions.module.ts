import { Module } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { IdentityModule } from '../identity/identity.module';
import { SeatsService } from './seats.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [IdentityModule],
  controllers: [SessionsController],
  providers: [SessionsService, SeatsService, UnitOfWork],
  exports: [SeatsService, SessionsService],
})
export class SessionsModule {}
