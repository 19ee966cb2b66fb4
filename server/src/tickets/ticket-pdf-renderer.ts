import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, type TicketView } from '@skillcert/shared';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** `now`: a person is waiting for it (front of the queue); `ahead`: rendered before anyone asks (behind every `now`). */
export type RenderPriority = 'now' | 'ahead';

interface Job {
  tickets: TicketView[];
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface PdfWorker {
  thread: Worker;
  /** The job it is drawing, if any. */
  busy?: Job;
}

/**
 * Ticket PDFs drawn on a pool of worker threads, one per core by default
 * (`PDF_WORKERS`): the server's own thread keeps answering while a session's
 * 2,000 tickets are drawn ahead of their release. Two queues: a candidate
 * waiting for their ticket is drawn before anything drawn ahead. Each worker
 * loads the font once. The workers run compiled JavaScript: from the build
 * beside this file, or — when this file runs from source, as in tests — from
 * the server's dist/ (npm test builds it first).
 */
@Injectable()
export class TicketPdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger('TicketPdf');
  private readonly workers: PdfWorker[] = [];
  private hasFont?: Promise<boolean>;
  private readonly queues: Record<RenderPriority, Job[]> = { now: [], ahead: [] };
  /** Documents drawn by this instance since it started (tests and benchmarks tell drawn from kept by it). */
  drawn = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async render(tickets: TicketView[], priority: RenderPriority = 'now'): Promise<Buffer> {
    this.start();
    if (!(await this.hasFont)) throw new DomainError('TICKET_PDF_UNAVAILABLE');
    return new Promise<Buffer>((resolve, reject) => {
      this.queues[priority].push({ tickets, resolve, reject });
      this.dispatch();
    });
  }

  /** How many PDFs are drawn at once. */
  size(): number {
    return Math.max(1, this.config.pdfWorkers);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.thread.terminate()));
  }

  /** Every idle worker takes the next job, the waiting candidates' first. */
  private dispatch(): void {
    for (const worker of this.workers) {
      if (worker.busy) continue;
      const job = this.queues.now.shift() ?? this.queues.ahead.shift();
      if (!job) return;
      worker.busy = job;
      worker.thread.postMessage({ tickets: job.tickets });
    }
  }

  private start(): void {
    if (this.workers.length) return;
    const size = this.size();
    const readiness: Promise<boolean>[] = [];
    for (let i = 0; i < size; i++) readiness.push(this.spawn());
    this.hasFont = Promise.all(readiness).then((fonts) => {
      if (!fonts.every(Boolean)) this.logger.warn({ event: 'no-cjk-font', configured: this.config.pdfFontPath ?? null });
      return fonts.every(Boolean);
    });
  }

  /** One worker, in the pool until it dies; a worker that dies fails its job and is replaced. */
  private spawn(): Promise<boolean> {
    const worker: PdfWorker = { thread: new Worker(workerFile(), { workerData: { fontPath: this.config.pdfFontPath } }) };
    const ready = new Promise<boolean>((resolve) => worker.thread.once('message', (message: { font: boolean }) => resolve(message.font)));
    worker.thread.on('message', (message: { ready?: true; pdf?: Uint8Array; error?: string }) => {
      if (message.ready) return this.dispatch();
      const job = worker.busy;
      worker.busy = undefined;
      if (job) {
        if (message.pdf) this.drawn++;
        if (message.pdf) job.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
        else job.reject(message.error === 'no-font' ? new DomainError('TICKET_PDF_UNAVAILABLE') : new Error(`ticket PDF: ${message.error}`));
      }
      this.dispatch();
    });
    const lose = (error: Error) => {
      const at = this.workers.indexOf(worker);
      if (at < 0) return;
      this.workers.splice(at, 1);
      worker.busy?.reject(error);
      worker.busy = undefined;
      // The pool keeps its size: the next job finds a fresh worker.
      void this.spawn();
    };
    worker.thread.on('error', lose);
    worker.thread.on('exit', (code) => lose(new Error(`ticket PDF worker exited with ${code}`)));
    worker.thread.unref();
    this.workers.push(worker);
    return ready;
  }
}

function workerFile(): string {
  const beside = join(__dirname, 'ticket-pdf.worker.js');
  if (existsSync(beside)) return beside;
  const built = join(__dirname.replace(`${sep}src${sep}`, `${sep}dist${sep}`), 'ticket-pdf.worker.js');
  if (existsSync(built)) return built;
  throw new Error(`ticket PDF worker not built: run "npm run build -w @skillcert/server" (looked for ${built})`);
}
