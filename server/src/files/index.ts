export type { FileEntity } from './file.entity';
export { FilesModule } from './files.module';
export { FilesService, uploaderOf } from './files.service';
export type { FileOwner } from './files.service';
