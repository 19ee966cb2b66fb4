import PDFDocument from 'pdfkit';
import { glyphCheck, loadPdfFont, printable } from './ticket-pdf';

describe('ticket text the font can print', () => {
  it('a character the font lacks becomes 〓, invisible controls go, everything else stays', () => {
    const has = (codePoint: number) => codePoint < 0x1f000;
    expect(printable('天宝路879号B楼\u202e413室', has)).toBe('天宝路879号B楼413室');
    expect(printable('考点👍\ufe0f 二楼', has)).toBe('考点〓 二楼');
    expect(printable('第一行\n第二行', has)).toBe('第一行\n第二行');
  });

  const font = loadPdfFont(process.env.PDF_FONT_PATH);
  (font ? it : it.skip)('with the embedded CJK font: an emoji and a zero-width joiner are not printed as empty boxes', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.registerFont('cjk', font!.bytes, font!.face);
    doc.addPage().font('cjk');
    const has = glyphCheck(doc);
    expect(has('张'.codePointAt(0)!)).toBe(true);
    expect(has('😀'.codePointAt(0)!)).toBe(false);
    expect(printable('张😀\u200d三', has)).toBe('张〓三');
    doc.end();
  });
});
