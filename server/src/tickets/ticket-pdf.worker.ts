import type { TicketView } from '@skillcert/shared';
import { parentPort, workerData } from 'node:worker_threads';
import { loadPdfFont, renderTicketsPdf } from './ticket-pdf';

/**
 * Renders ticket PDFs away from the server's event loop: a class of 500 takes
 * seconds of CPU, during which every other request would wait. The font is
 * loaded once, here.
 */
const font = loadPdfFont((workerData as { fontPath?: string }).fontPath);

parentPort?.on('message', (job: { id: number; tickets: TicketView[] }) => {
  if (!font) return parentPort?.postMessage({ id: job.id, error: 'no-font' });
  renderTicketsPdf(job.tickets, font).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
      parentPort?.postMessage({ id: job.id, pdf: bytes }, [bytes.buffer]);
    },
    (error: unknown) => parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
  );
});

parentPort?.postMessage({ ready: true, font: font !== null });
