import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, type TicketView } from '@skillcert/shared';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { APP_CONFIG, type AppConfig } from '../config/config';

interface Job {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * Ticket PDFs rendered on a worker thread, one job after another, so the
 * server keeps answering while a school's class of hundreds is drawn. The
 * worker runs compiled JavaScript: from the build beside this file, or — when
 * this file runs from source, as in tests — from the server's dist/ (npm test
 * builds it first).
 */
@Injectable()
export class TicketPdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger('TicketPdf');
  private worker?: Worker;
  private hasFont?: Promise<boolean>;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async render(tickets: TicketView[]): Promise<Buffer> {
    const worker = this.start();
    if (!(await this.hasFont)) throw new DomainError('TICKET_PDF_UNAVAILABLE');
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      worker.postMessage({ id, tickets });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerFile(), { workerData: { fontPath: this.config.pdfFontPath } });
    this.hasFont = new Promise<boolean>((resolve) => {
      worker.once('message', (ready: { ready: true; font: boolean }) => {
        if (!ready.font) this.logger.warn({ event: 'no-cjk-font', configured: this.config.pdfFontPath ?? null });
        resolve(ready.font);
      });
    });
    worker.on('message', (message: { id?: number; pdf?: Uint8Array; error?: string }) => {
      const job = message.id === undefined ? undefined : this.jobs.get(message.id);
      if (!job || message.id === undefined) return;
      this.jobs.delete(message.id);
      if (message.pdf) job.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
      else job.reject(message.error === 'no-font' ? new DomainError('TICKET_PDF_UNAVAILABLE') : new Error(`ticket PDF: ${message.error}`));
    });
    // A worker that dies takes its jobs with it; the next render starts a new one.
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => this.lose(worker, new Error(`ticket PDF worker exited with ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private lose(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}

function workerFile(): string {
  const beside = join(__dirname, 'ticket-pdf.worker.js');
  if (existsSync(beside)) return beside;
  const built = join(__dirname.replace(`${sep}src${sep}`, `${sep}dist${sep}`), 'ticket-pdf.worker.js');
  if (existsSync(built)) return built;
  throw new Error(`ticket PDF worker not built: run "npm run build -w @skillcert/server" (looked for ${built})`);
}
