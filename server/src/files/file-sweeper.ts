import { periodicJob } from '../common/periodic-job';
import { FilesService } from './files.service';

/** Removes uploads nobody attached to an application within a day. Safe on every instance at once: each row goes only once. */
export const FileSweeper = periodicJob({
  name: 'FileSweeper',
  service: FilesService,
  everySeconds: (config) => config.fileSweepSeconds,
  round: async (files, logger) => {
    const removed = await files.removeUnattached();
    if (removed > 0) logger.log({ event: 'unattached-files-removed', count: removed });
  },
});
