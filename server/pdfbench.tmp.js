const { loadPdfFont, renderTicketsPdf } = require('/work/main/server/dist/tickets/ticket-pdf.js');
const { ticketNotices } = require('@skillcert/shared');
const PDFDocument = require('pdfkit');
const font = loadPdfFont();
const t = (i) => ({
  ticketNo: `2603270${String(i).padStart(3, '0')}`,
  name: `学员${i}`,
  residentIdMasked: '3101**********0012',
  planId: 'shanghai-2026',
  level: 4,
  levelName: '呼叫中心服务员 四级/中级工',
  body: '上海市算力网络协会',
  session: { date: '2026-03-27', site: '天宝路879号B楼' },
  subjects: [
    { kind: 'theory', name: '理论知识', startsAt: '09:00' },
    { kind: 'practical', name: '操作技能', startsAt: '13:30' },
  ],
  notices: ticketNotices('shanghai-2026'),
});
(async () => {
  for (let i = 0; i < 3; i++) await renderTicketsPdf([t(i)], font);
  let s = process.hrtime.bigint();
  for (let i = 0; i < 20; i++) await renderTicketsPdf([t(i)], font);
  console.log('per ticket doc ms', Number(process.hrtime.bigint() - s) / 1e6 / 20);
  s = process.hrtime.bigint();
  for (let i = 0; i < 20; i++) {
    const d = new PDFDocument({ autoFirstPage: false });
    d.registerFont('cjk', font.bytes, font.face);
    d.addPage();
    d.font('cjk');
    d.end();
  }
  console.log('register+font only ms', Number(process.hrtime.bigint() - s) / 1e6 / 20);
  const pdf = await renderTicketsPdf([t(1)], font);
  console.log('bytes', pdf.length);
})();
