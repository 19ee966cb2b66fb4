import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FilesService } from './files.service';

/** Removes uploads nobody attached to an application within a day. Safe on every instance at once: each row goes only once. */
@Injectable()
export class FileSweeper extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly files: FilesService,
  ) {
    super();
  }

  protected intervalSeconds(): number {
    return this.config.fileSweepSeconds;
  }

  protected async round(): Promise<void> {
    const removed = await this.files.removeUnattached();
    if (removed > 0) this.logger.log({ event: 'unattached-files-removed', count: removed });
  }
}
