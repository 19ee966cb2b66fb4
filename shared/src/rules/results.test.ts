import { gradeSubjects, readScoreCell } from './results';

describe('results', () => {
  it('passes a subject at 60, fails it below; the level needs every subject', () => {
    expect(gradeSubjects('shanghai-2026', 3, { theory: { score: 75 }, practical: { score: 52 } })).toEqual({
      passed: false,
      subjects: [
        { kind: 'theory', name: expect.any(String), score: 75, passed: true },
        { kind: 'practical', name: expect.any(String), score: 52, passed: false },
      ],
    });
    expect(gradeSubjects('shanghai-2026', 3, { theory: { score: 60 }, practical: { score: 60 } }).passed).toBe(true);
  });

  it('a cancelled or missed subject fails and says why', () => {
    const graded = gradeSubjects('beijing-2021', 4, { theory: { cancelled: '违反考场纪律（第二条）' }, practical: { absent: true } });
    expect(graded.subjects.map((s) => [s.passed, s.note])).toEqual([
      [false, '成绩取消：违反考场纪律（第二条）'],
      [false, '缺考'],
    ]);
  });

  it('reads a score cell strictly', () => {
    expect(readScoreCell('75')).toEqual({ mark: { score: 75 } });
    expect(readScoreCell(' 59.5 ')).toEqual({ mark: { score: 59.5 } });
    expect(readScoreCell('缺考')).toEqual({ mark: { absent: true } });
    expect(readScoreCell('')).toBeUndefined();
    expect(readScoreCell('101')).toEqual({ error: '成绩101超过100分' });
    expect(readScoreCell('七十')).toEqual({ error: '“七十”不是有效成绩（0-100，或填“缺考”）' });
    expect(readScoreCell('75.25')).toMatchObject({ error: expect.any(String) });
  });
});
