import { TypeOrmModule } from '@nestjs/typeorm';
import { FileEntity } from './file.entity';
import { Global, Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { IdentityModule } from '../identity';
import { fileStoreProvider } from './file-store';
import { FileSweeper } from './file-sweeper';
import { FilesService } from './files.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([FileEntity]), IdentityModule, StaffModule],
  providers: [FilesService, FileSweeper, fileStoreProvider],
  exports: [FilesService],
})
export class FilesModule {}
