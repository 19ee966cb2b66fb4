import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstitutionEntity } from './institution.entity';
import { LoginFailureEntity } from './login-failure.entity';
import { StaffAccountEntity } from './staff-account.entity';
import { StaffService } from './staff.service';

/** The evaluation body's staff and the schools' clerks: their accounts, sign-in by password, and the schools they act for. */
@Module({
  imports: [TypeOrmModule.forFeature([InstitutionEntity, LoginFailureEntity, StaffAccountEntity])],
  providers: [StaffService],
  exports: [StaffService],
})
export class StaffModule {}
