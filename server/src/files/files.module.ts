import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { fileStoreProvider } from './file-store';
import { FilesController } from './files.controller';
import { FileSweeper } from './file-sweeper';
import { FilesService } from './files.service';

@Global()
@Module({
  imports: [IdentityModule],
  controllers: [FilesController],
  providers: [FilesService, FileSweeper, fileStoreProvider],
  exports: [FilesService],
})
export class FilesModule {}
