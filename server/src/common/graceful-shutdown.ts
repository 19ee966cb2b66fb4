import { Logger, type INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';

/** Everything is over by then, finished or not: an orchestrator's own patience (Kubernetes, Cloud Hosting) is usually 10–30 s. */
const EXIT_WITHIN_MS = 10_000;
/** Requests still running this long after the signal are cut off, so the modules can close in the time left. */
const DRAIN_MS = 7_000;
/** The listening socket shuts once no connection has come for this long (or after QUIET_AT_MOST_MS under a steady stream). */
const QUIET_MS = 50;
const QUIET_AT_MOST_MS = 1_000;

/**
 * What a server owes its callers when told to stop (SIGTERM, SIGINT): take no
 * new connections, let the requests under way finish (keep-alive callers are
 * told to reconnect elsewhere), then close the modules — database last — and
 * exit, within ten seconds whatever happens. Before, the modules were closed
 * first and the listening socket went on accepting requests it could not serve.
 */
export class GracefulShutdown {
  private readonly logger = new Logger('Shutdown');
  private inFlight = 0;
  private draining = false;
  private idle?: () => void;

  /** Counts requests under way; once draining, each answer asks its keep-alive caller to close. */
  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    this.inFlight++;
    if (this.draining) res.setHeader('Connection', 'close');
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      this.inFlight--;
      if (this.inFlight === 0) this.idle?.();
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };

  listen(app: INestApplication, exit: (code: number) => void = (code) => process.exit(code)): void {
    const stop = (signal: string) => void this.stop(app, signal, exit);
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    // Started by `npm start` over an IPC channel: when that process goes, however it went, so does the server.
    if (process.send) process.once('disconnect', () => stop('parent-gone'));
  }

  async stop(app: INestApplication, signal: string, exit: (code: number) => void): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    const started = Date.now();
    const deadline = setTimeout(() => {
      this.logger.error({ event: 'shutdown-overran', ms: Date.now() - started });
      exit(1);
    }, EXIT_WITHIN_MS);
    deadline.unref();
    const server = app.getHttpServer() as Server;
    this.logger.log({ event: 'shutdown-started', signal, inFlight: this.inFlight });
    // Connections the kernel has already completed (a busy server has not accepted them all yet) are taken
    // and served, not reset with the listening socket: it shuts once none has come for a moment. Then net's
    // close, not http's, which would also cut every connection not yet in a request — including one whose
    // request is still being read.
    await this.quiet(server);
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    const cutOff = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_MS).unref());
    await Promise.race([this.drained(), cutOff]);
    // Nothing under way, and nothing started in the turn since: the connections left are idle keep-alives.
    server.closeIdleConnections();
    await Promise.race([closed, cutOff]);
    server.closeAllConnections();
    await app.close();
    this.logger.log({ event: 'shutdown-finished', ms: Date.now() - started, cutOff: this.inFlight });
    clearTimeout(deadline);
    exit(0);
  }

  /** Resolves once no request has been under way for a whole turn of the loop (a request just read would show by then). */
  private async drained(): Promise<void> {
    for (;;) {
      if (this.inFlight > 0) await new Promise<void>((resolve) => (this.idle = resolve));
      await nextTurn();
      if (this.inFlight === 0) return;
    }
  }

  /** Resolves when no new connection has arrived for QUIET_MS, or after QUIET_AT_MOST_MS under a steady stream. */
  private async quiet(server: Server): Promise<void> {
    let last = Date.now();
    const arrived = () => void (last = Date.now());
    server.on('connection', arrived);
    const until = Date.now() + QUIET_AT_MOST_MS;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (Date.now() >= until) break;
      if (Date.now() - last < QUIET_MS) continue;
      // A starved process may have come straight to this timer: one more poll accepts what the kernel holds.
      const before = last;
      await nextTurn();
      if (last === before) break;
    }
    server.off('connection', arrived);
  }
}

/** Once round the whole event loop, through a poll for I/O (where requests are read): an immediate queued from an immediate runs in the next iteration. */
const nextTurn = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
