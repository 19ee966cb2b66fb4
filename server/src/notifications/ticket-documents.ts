import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  formatChineseDate,
  getPlan,
  levelDisplayName,
  shanghaiDate,
  ticketLines,
  ticketOpen,
  ticketSubjects,
  type TicketView,
} from '@skillcert/shared';
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import qrcode from 'qrcode-generator';
import { DataSource, In, IsNull, Like, type EntityManager } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import type { CandidateActor, StaffActor } from '../auth/actor';
import { BatchEntity, ownBatch } from '../batches/batch.entity';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { ExamSessionEntity } from '../sessions/exam-session.entity';
import { SeatHoldEntity } from '../sessions/seat-hold.entity';

/** Where Chinese fonts usually are, and the face to take from a collection. */
const SYSTEM_FONTS: { path: string; face?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', face: 'MicrosoftYaHei' },
];

/** A paid candidate's admission ticket: its number, the page in the app, and the PDF (Chinese embedded as a font subset). */
@Injectable()
export class TicketDocuments {
  private readonly logger = new Logger('Tickets');
  private font?: { bytes: Buffer; face?: string } | null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The candidate's own ticket, from 00:00 of the day it opens; before that, the day it will. */
  async forCandidate(actor: CandidateActor, applicationId: string): Promise<TicketView> {
    const application = await this.db.getRepository(ApplicationEntity).findOneBy({ id: applicationId, userId: actor.userId });
    if (!application) throw new DomainError('NOT_FOUND');
    return this.view(application);
  }

  async pdfForCandidate(actor: CandidateActor, applicationId: string): Promise<{ filename: string; content: Buffer }> {
    return this.render(await this.forCandidate(actor, applicationId));
  }

  /** For the e-mail that carries it: the same checks, no owner (the outbox writes only to the owner's address). */
  async ticketPdf(applicationId: string): Promise<{ filename: string; content: Buffer }> {
    const application = await this.db.getRepository(ApplicationEntity).findOneByOrFail({ id: applicationId });
    return this.render(await this.view(application));
  }

  private async view(application: ApplicationEntity): Promise<TicketView> {
    const hold = await this.db.getRepository(SeatHoldEntity).findOneBy({ applicationId: application.id, status: 'confirmed' });
    // A ticket is for a paid seat; anything else has no ticket yet (or any more).
    if (!hold || !['paid', 'checked_in', 'absent', 'assessed', 'certified'].includes(application.state)) throw new DomainError('TICKET_NOT_AVAILABLE');
    const session = await this.db.getRepository(ExamSessionEntity).findOneByOrFail({ id: hold.sessionId });
    const open = ticketOpen(session.date, shanghaiDate(this.clock.now()));
    if (!open.open) throw new DomainError('TICKET_NOT_YET', open.message);
    const ticketNo = hold.ticketNo ?? (await this.uow.run((manager) => this.numberSeats(manager, session, [hold]))).get(hold.id)!;
    const plan = getPlan(application.planId);
    return {
      ticketNo,
      name: application.applicantName,
      residentIdMasked: application.residentIdMasked,
      planId: application.planId,
      level: application.level,
      levelName: `呼叫中心服务员 ${levelDisplayName(application.planId, application.level)}`,
      body: plan.body.name,
      session: { date: session.date, site: session.site, ...(plan.assessment.site ? { address: plan.assessment.site.address } : {}) },
      // A make-up sits only its own subjects.
      subjects: ticketSubjects(application.planId, application.level, session).filter((s) => !application.subjects || application.subjects.includes(s.kind)),
      notices: ['请携带本人有效身份证原件和本准考证，于开考前30分钟到达考点。', ...plan.assessment.notes, ...plan.notices.flatMap((n) => n.items)],
    };
  }

  /**
   * Ticket numbers for seats that have none: the session date and a running
   * number for that date (2603270001). Two writers racing for the same number:
   * the unique key refuses one, which takes the next.
   */
  async numberSeats(manager: EntityManager, session: ExamSessionEntity, holds: SeatHoldEntity[]): Promise<Map<string, string>> {
    const numbers = new Map(holds.flatMap((h) => (h.ticketNo ? [[h.id, h.ticketNo] as const] : [])));
    const prefix = session.date.replace(/-/g, '').slice(2);
    for (const hold of holds.filter((h) => !h.ticketNo)) {
      for (let attempt = 0; ; attempt++) {
        const taken = await manager.count(SeatHoldEntity, { where: { ticketNo: Like(`${prefix}%`) } });
        const ticketNo = `${prefix}${String(taken + 1 + attempt).padStart(4, '0')}`;
        try {
          const claimed = await manager.update(SeatHoldEntity, { id: hold.id, ticketNo: IsNull() }, { ticketNo });
          if (claimed.affected) numbers.set(hold.id, ticketNo);
          break;
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 20) throw error;
        }
      }
    }
    const missing = holds.filter((h) => !numbers.has(h.id)).map((h) => h.id);
    if (missing.length) for (const h of await manager.findBy(SeatHoldEntity, { id: In(missing) })) if (h.ticketNo) numbers.set(h.id, h.ticketNo);
    return numbers;
  }

  /**
   * A school's printable tickets for its class, one page each, from the moment
   * they open: every member with a paid seat whose ticket is open.
   */
  async batchPdf(actor: StaffActor, batchId: string): Promise<{ filename: string; content: Buffer }> {
    const batch = await ownBatch(this.db.getRepository(BatchEntity), actor, batchId);
    const members = await this.db.getRepository(ApplicationEntity).find({ where: { batchId: batch.id }, order: { batchRow: 'ASC' } });
    const tickets: TicketView[] = [];
    let firstRefusal: DomainError | undefined;
    for (const member of members) {
      try {
        tickets.push(await this.view(member));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // The soonest-opening reason is the one worth telling the school.
        if (!firstRefusal || (error.code === 'TICKET_NOT_YET' && firstRefusal.code !== 'TICKET_NOT_YET')) firstRefusal = error;
      }
    }
    if (!tickets.length) throw firstRefusal ?? new DomainError('TICKET_NOT_AVAILABLE');
    const { content } = await this.render(...tickets);
    return { filename: `准考证-${batch.name}（${tickets.length}人）.pdf`, content };
  }

  private render(...tickets: TicketView[]): Promise<{ filename: string; content: Buffer }> {
    const font = this.loadFont();
    if (!font) throw new DomainError('TICKET_PDF_UNAVAILABLE');
    const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false, info: { Title: `准考证 ${tickets[0]!.ticketNo}`, Author: tickets[0]!.body } });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    doc.registerFont('cjk', font.bytes, font.face);
    for (const ticket of tickets) {
      doc.addPage();
      doc.font('cjk');
      this.drawTicket(doc, ticket);
    }
    doc.end();
    return done.then((content) => ({ filename: `准考证-${tickets[0]!.ticketNo}.pdf`, content }));
  }

  private drawTicket(doc: PDFKit.PDFDocument, ticket: TicketView): void {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;

    doc.fontSize(12).fillColor('#555').text(ticket.body, { align: 'center' });
    doc.moveDown(0.3).fontSize(22).fillColor('#000').text('职业技能等级认定 准考证', { align: 'center' });
    doc.moveDown(1);

    const top = doc.y;
    const qrSize = 120;
    drawQr(doc, ticket.ticketNo, left + width - qrSize, top, qrSize);
    doc.fontSize(12);
    for (const [label, value] of ticketLines(ticket)) {
      const y = doc.y;
      doc.fillColor('#555').text(label, left, y, { width: 90 });
      doc.fillColor('#000').text(value, left + 96, y, { width: width - 96 - qrSize - 16 });
      doc.moveDown(0.5);
    }
    doc.y = Math.max(doc.y, top + qrSize + 12);
    doc
      .fontSize(9)
      .fillColor('#555')
      .text('入场时请出示此码签到', left + width - qrSize, top + qrSize + 2, { width: qrSize, align: 'center' });
    doc.x = left;
    doc.y = Math.max(doc.y, top + qrSize + 24);

    doc.moveDown(0.8).fontSize(14).fillColor('#000').text('考核安排', left);
    doc.moveDown(0.3).fontSize(12);
    for (const subject of ticket.subjects) {
      const time = subject.endsAt ? `${subject.startsAt}–${subject.endsAt}` : `${subject.startsAt} 开始`;
      doc.text(`${subject.name}${subject.mode ? `（${subject.mode}）` : ''}    ${formatChineseDate(ticket.session.date)} ${time}`, left);
      doc.moveDown(0.2);
    }

    doc.moveDown(0.8).fontSize(14).text('考生须知', left);
    doc.moveDown(0.3).fontSize(10).fillColor('#333');
    ticket.notices.forEach((notice, i) => {
      doc.text(`${i + 1}. ${notice}`, left, undefined, { width });
      doc.moveDown(0.2);
    });
  }

  /** Read once: the configured font, else the first Chinese system font found. None → no PDF (the page still shows the ticket). */
  private loadFont(): { bytes: Buffer; face?: string } | null {
    if (this.font !== undefined) return this.font;
    const [path, face] = (this.config.pdfFontPath ?? '').split('#');
    const candidates = path ? [{ path, ...(face ? { face } : {}) }] : SYSTEM_FONTS;
    const found = candidates.find((c) => existsSync(c.path));
    this.font = found ? { bytes: readFileSync(found.path), ...(found.face ? { face: found.face } : {}) } : null;
    if (!found) this.logger.warn({ event: 'no-cjk-font', tried: candidates.map((c) => c.path) });
    return this.font;
  }
}

/** The ticket number as a QR code, drawn as vector squares: sharp on any printer. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const code = qrcode(0, 'M');
  code.addData(text, 'Alphanumeric');
  code.make();
  const count = code.getModuleCount();
  const cell = size / (count + 4);
  doc.save().fillColor('#000');
  for (let row = 0; row < count; row++)
    for (let col = 0; col < count; col++) if (code.isDark(row, col)) doc.rect(x + (col + 2) * cell, y + (row + 2) * cell, cell, cell).fill();
  doc.restore();
}
