import type { TicketView } from '@skillcert/shared';
import { parentPort, workerData } from 'node:worker_threads';
import { loadPdfFont, renderTicketsPdf } from './ticket-pdf';

/**
 * Renders ticket PDFs away from the server's event loop, one job at a time (the
 * pool gives it the next when it answers): a class of 500, or a session's 2,000
 * tickets drawn ahead, take seconds to minutes of CPU, during which every other
 * request would wait. The font is loaded once, here.
 */
const font = loadPdfFont((workerData as { fontPath?: string }).fontPath);

parentPort?.on('message', (job: { tickets: TicketView[] }) => {
  if (!font) return parentPort?.postMessage({ error: 'no-font' });
  renderTicketsPdf(job.tickets, font).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
      parentPort?.postMessage({ pdf: bytes }, [bytes.buffer]);
    },
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});

parentPort?.postMessage({ ready: true, font: font !== null });
