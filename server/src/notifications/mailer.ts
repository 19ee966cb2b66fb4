import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The outbox row's own id: a message sent again after a crash carries the same Message-ID, which mail clients fold into one. */
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Outgoing mail over SMTP (nodemailer). Without SMTP_URL there is no mail, and no e-mail messages are written. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.mail.smtpUrl) this.transport = nodemailer.createTransport(config.mail.smtpUrl, { from: config.mail.from });
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) throw new Error('mail is not configured');
    await this.transport.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.messageId}@skillcert>`,
      ...(mail.attachments ? { attachments: mail.attachments } : {}),
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

/** An SMTP answer in the 5xx range: the server will never take this message; sending again is pointless. */
export function isPermanentMailFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
