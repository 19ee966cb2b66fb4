import { TypeOrmModule } from '@nestjs/typeorm';
import { FileEntity } from './file.entity';
import { Global, Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { IdentityModule } from '../identity/identity.module';
import { fileStoreProvider } from './file-store';
import { FilesController } from './files.controller';
import { FileSweeper } from './file-sweeper';
import { FilesService } from './files.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([FileEntity]), IdentityModule, StaffModule],
  controllers: [FilesController],
  providers: [FilesService, FileSweeper, fileStoreProvider],
  exports: [FilesService],
})
export class FilesModule {}
