import { formatChineseDate, hasUnprintable, ticketLines, type TicketView } from '@skillcert/shared';
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import qrcode from 'qrcode-generator';

/**
 * The admission ticket on A4, one page per ticket, Chinese embedded as a subset
 * of the font (a reader needs no font of its own). No I/O but the font file.
 */
export interface PdfFont {
  bytes: Buffer;
  /** The face inside a collection (.ttc). */
  face?: string;
}

/** Where Chinese fonts usually are, and the face to take from a collection. */
const SYSTEM_FONTS: { path: string; face?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', face: 'MicrosoftYaHei' },
];

/** The configured font (`path` or `path#Face`), else the first Chinese system font found; null when there is none. */
export function loadPdfFont(configured?: string): PdfFont | null {
  const [path, face] = (configured ?? '').split('#');
  const candidates = path ? [{ path, ...(face ? { face } : {}) }] : SYSTEM_FONTS;
  const found = candidates.find((c) => existsSync(c.path));
  return found ? { bytes: readFileSync(found.path), ...(found.face ? { face: found.face } : {}) } : null;
}

export function renderTicketsPdf(tickets: TicketView[], font: PdfFont): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 42, autoFirstPage: false, info: { Title: `准考证 ${tickets[0]!.ticketNo}`, Author: tickets[0]!.body } });
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
    drawTicket(doc, printableTicket(ticket, glyphCheck(doc)));
  }
  doc.end();
  return done;
}

/** The mark Chinese typesetting puts where a character is missing (缺字), when the font has it. */
const MISSING_MARK = '\u3013';

/**
 * Text as the embedded font can print it: a character the font lacks (an emoji in a site's name, a
 * rare character) becomes 〓 instead of an empty box, and invisible controls (bidi overrides,
 * zero-width marks, emoji variation selectors) are dropped rather than drawn.
 */
export function printable(text: string, hasGlyph: (codePoint: number) => boolean): string {
  const missing = hasGlyph(MISSING_MARK.codePointAt(0)!) ? MISSING_MARK : '?';
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (hasUnprintable(char) || (codePoint >= 0xfe00 && codePoint <= 0xfe0f)) continue;
    out += /\s/.test(char) || hasGlyph(codePoint) ? char : missing;
  }
  return out;
}

/** The current font's own glyph check: pdfkit keeps the parsed face (fontkit's) on the document's current font. */
export function glyphCheck(doc: PDFKit.PDFDocument): (codePoint: number) => boolean {
  const face = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean } } })._font?.font;
  const has = face?.hasGlyphForCodePoint?.bind(face);
  return has ?? (() => true);
}

/** Every text a ticket prints, through `printable`. */
function printableTicket(ticket: TicketView, hasGlyph: (codePoint: number) => boolean): TicketView {
  const p = (text: string) => printable(text, hasGlyph);
  return {
    ...ticket,
    body: p(ticket.body),
    name: p(ticket.name),
    levelName: p(ticket.levelName),
    session: { ...ticket.session, site: p(ticket.session.site), ...(ticket.session.address ? { address: p(ticket.session.address) } : {}) },
    subjects: ticket.subjects.map((subject) => ({ ...subject, name: p(subject.name), ...(subject.mode ? { mode: p(subject.mode) } : {}) })),
    notices: ticket.notices.map(p),
  };
}

function drawTicket(doc: PDFKit.PDFDocument, ticket: TicketView): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.fontSize(12).fillColor('#555').text(ticket.body, { align: 'center' });
  doc.moveDown(0.3).fontSize(22).fillColor('#000').text('职业技能等级认定 准考证', { align: 'center' });
  doc.moveDown(0.6);

  const top = doc.y;
  const qrSize = 120;
  drawQr(doc, ticket.ticketNo, left + width - qrSize, top, qrSize);
  doc.fontSize(11);
  for (const [label, value] of ticketLines(ticket)) {
    const y = doc.y;
    doc.fillColor('#555').text(label, left, y, { width: 90 });
    doc.fillColor('#000').text(value, left + 96, y, { width: width - 96 - qrSize - 16 });
    doc.moveDown(0.3);
  }
  doc.y = Math.max(doc.y, top + qrSize + 12);
  doc
    .fontSize(9)
    .fillColor('#555')
    .text('入场时请出示此码签到', left + width - qrSize, top + qrSize + 2, { width: qrSize, align: 'center' });
  doc.x = left;
  doc.y = Math.max(doc.y, top + qrSize + 24);

  doc.moveDown(0.5).fontSize(14).fillColor('#000').text('考核安排', left);
  doc.moveDown(0.3).fontSize(12);
  for (const subject of ticket.subjects) {
    const time = subject.endsAt ? `${subject.startsAt}–${subject.endsAt}` : `${subject.startsAt} 开始`;
    doc.text(`${subject.name}${subject.mode ? `（${subject.mode}）` : ''}    ${formatChineseDate(ticket.session.date)} ${time}`, left);
    doc.moveDown(0.2);
  }

  doc.moveDown(0.5).fontSize(14).text('考生须知', left);
  // Quoted as published, each paragraph with its own numbering — the 须知 whole, small enough that a ticket stays one page.
  doc.moveDown(0.3).fontSize(7.5).fillColor('#333');
  ticket.notices.forEach((notice) => {
    doc.text(notice, left, undefined, { width, lineGap: 0.5 });
    doc.moveDown(0.1);
  });
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
