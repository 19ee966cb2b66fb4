import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { SeatSweeper } from './seat-sweeper';
import { SeatsService } from './seats.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [IdentityModule],
  controllers: [SessionsController],
  providers: [SessionsService, SeatsService, SeatSweeper],
  exports: [SeatsService, SessionsService],
})
export class SessionsModule {}
