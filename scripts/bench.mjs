#!/usr/bin/env node
// `npm run bench`: speed of the rules engine and size of the WeChat package.
// Run after `npm run build:weapp`. Numbers are for notes and comparisons, not tests.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = createRequire(import.meta.url)(join(root, 'shared'));

function time(label, iterations, fn) {
  for (let i = 0; i < Math.min(1000, iterations); i++) fn(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn(i);
  const ns = Number(process.hrtime.bigint() - start);
  console.log(`${label.padEnd(48)} ${(iterations / (ns / 1e9)).toFixed(0).padStart(10)} /s   ${(ns / iterations / 1000).toFixed(2)} µs each`);
}

const facts = {
  birthDate: '1990-06-15',
  work: [
    { from: '2012-03-01', to: '2015-08-31', occupation: 'same' },
    { from: '2015-09-20', to: '2019-12-31', occupation: 'related' },
    { from: '2020-01-15', occupation: 'same' },
  ],
  certificates: [{ level: 4, occupation: 'same', issuedOn: '2018-06-01' }],
  diplomas: [{ school: 'college', major: 'other', graduatedOn: '2011-07-01' }],
  titles: [],
  trainings: [{ forLevel: 3, completedOn: '2020-05-01' }],
};

console.log('rules engine (one core)');
time('evaluateEligibility shanghai-2026 level 3', 20000, () => shared.evaluateEligibility('shanghai-2026', 3, facts, '2026-03-10'));
time('evaluateEligibility beijing-2021 level 3', 20000, () => shared.evaluateEligibility('beijing-2021', 3, facts, '2021-06-01'));
time('ticketAvailableFrom', 50000, (i) => shared.ticketAvailableFrom(shared.addDays('2026-01-05', i % 300)));
time('resultsDueBy', 50000, (i) => shared.resultsDueBy(shared.addDays('2026-01-05', i % 300)));
time('parseResidentId', 200000, () => shared.parseResidentId('11010519491231002X'));
time('applicantFactsSchema parse', 20000, () => shared.applicantFactsSchema.parse(facts));

const weapp = createRequire(import.meta.url)('./weapp-package.cjs');
if (existsSync(join(weapp.WEAPP_DIST, 'app.json'))) {
  const { mainBytes, subpackages, mainFiles } = weapp.weappPackageSizes();
  console.log(`\nweapp main package: ${(mainBytes / 1024).toFixed(0)} KB (target 500 KB, WeChat limit 2048 KB)`);
  for (const { path, size } of mainFiles.slice(0, 6)) console.log(`  ${(size / 1024).toFixed(0).padStart(5)} KB  ${path}`);
  for (const [root, size] of Object.entries(subpackages)) console.log(`subpackage ${root}: ${(size / 1024).toFixed(0)} KB`);
} else {
  console.log('\n(no weapp build: run `npm run build:weapp` to measure the package)');
}

// Ticket PDFs: every e-mailed ticket is rendered at send time, and a school prints its class at once.
const ticketPdf = join(root, 'server', 'dist', 'tickets', 'ticket-pdf.js');
if (existsSync(ticketPdf)) {
  const { loadPdfFont, renderTicketsPdf } = createRequire(import.meta.url)(ticketPdf);
  const font = loadPdfFont(process.env.PDF_FONT_PATH);
  if (!font) console.log('\n(no Chinese font found: ticket PDFs are not measured)');
  else {
    const ticket = (i) => ({
      ticketNo: `2603270${String(i).padStart(3, '0')}`,
      name: `考生${i}`,
      residentIdMasked: '3101**********1234',
      planId: 'shanghai-2026',
      level: 3,
      levelName: '呼叫中心服务员 三级/高级工',
      body: '上海市算力网络协会',
      session: { date: '2026-03-27', site: '上海市虹口区天宝路879号B楼301' },
      subjects: shared.ticketSubjects('shanghai-2026', 3, { theoryAt: '09:00', practicalAt: '13:30' }),
      notices: shared.getPlan('shanghai-2026').notices.flatMap((n) => n.items),
    });
    const measure = async (label, count, runs) => {
      await renderTicketsPdf([ticket(0)], font);
      const before = process.memoryUsage().rss;
      const start = process.hrtime.bigint();
      let bytes = 0;
      for (let r = 0; r < runs; r++)
        bytes = (
          await renderTicketsPdf(
            Array.from({ length: count }, (_, i) => ticket(i)),
            font,
          )
        ).length;
      const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
      console.log(
        `${label.padEnd(48)} ${ms.toFixed(0).padStart(7)} ms   ${(bytes / 1024).toFixed(0)} KB   rss +${((process.memoryUsage().rss - before) / 1048576).toFixed(0)} MB`,
      );
    };
    console.log('\nticket PDF (Chinese font subset embedded)');
    await measure('one ticket', 1, 20);
    await measure('a class of 40 (one PDF, a page each)', 40, 3);
  }
} else {
  console.log('\n(no server build: run `npm run build` to measure ticket PDFs)');
}
