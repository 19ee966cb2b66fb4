import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificateEntity } from './certificate.entity';
import { ApplicationsModule } from '../applications';
import { IdentityModule } from '../identity';
import { NotificationsModule } from '../notifications';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [TypeOrmModule.forFeature([CertificateEntity]), IdentityModule, ApplicationsModule, NotificationsModule],
  providers: [CertificatesService],
  exports: [CertificatesService],
})
export class CertificatesModule {}
