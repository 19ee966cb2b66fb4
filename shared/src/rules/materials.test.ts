import { getPlan } from '../plans';
import { addPhotoLabel, materialsIssues, shotsMissing, uploadIssues } from './materials';

describe('materials', () => {
  const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

  it('Beijing level 3: the level-4 certificate is asked for when the candidate relies on clause (3) or (4), the diploma for (5)–(7)', () => {
    const idOnly = { 'id-card': 1 };
    expect(paths(uploadIssues('beijing-2021', 3, idOnly, ['3.3']))).toEqual(['materials.level4-certificate']);
    expect(paths(uploadIssues('beijing-2021', 3, idOnly, ['3.4']))).toEqual(['materials.level4-certificate']);
    expect(paths(uploadIssues('beijing-2021', 3, idOnly, ['3.5']))).toEqual(['materials.college-diploma']);
    expect(paths(uploadIssues('beijing-2021', 3, idOnly, ['3.6']))).toEqual(['materials.college-diploma']);
    // Six years' work: neither; meeting (1) as well as (3), the candidate may rely on (1).
    expect(uploadIssues('beijing-2021', 3, idOnly, ['3.1'])).toEqual([]);
    expect(uploadIssues('beijing-2021', 3, idOnly, ['3.1', '3.3'])).toEqual([]);
    expect(uploadIssues('beijing-2021', 3, { ...idOnly, 'level4-certificate': 1 }, ['3.3'])).toEqual([]);
  });

  it('Shanghai level 4: both uploads always, the form signed with the name on the ID card', () => {
    expect(paths(materialsIssues('shanghai-2026', 4, { files: {}, signatures: {} }, '陈同学', ['4.3']))).toEqual([
      'materials.id-card',
      'materials.eligibility-proof',
      'commitments.signed-form',
    ]);
    const issues = materialsIssues('shanghai-2026', 4, { files: { 'id-card': 1, 'eligibility-proof': 1 }, signatures: { 'signed-form': '陈同字' } }, '陈同学');
    expect(issues).toEqual([{ path: 'commitments.signed-form', message: '签名须与身份证上的姓名完全一致' }]);
  });

  it('refuses a material the level does not have, and more than four files for one', () => {
    expect(paths(uploadIssues('shanghai-2026', 4, { 'id-card': 5, 'eligibility-proof': 1, 'photo-of-cat': 1 }))).toEqual([
      'materials.photo-of-cat',
      'materials.id-card',
    ]);
  });

  it('reminds of the ID card side not yet photographed, from the first photo on; a PDF scan holds both', () => {
    const idCard = getPlan('shanghai-2026')
      .levels.find((l) => l.level === 4)!
      .materials.find((m) => m.id === 'id-card')!;
    const photo = { type: 'image/jpeg' };
    expect(shotsMissing(idCard, [])).toEqual([]);
    expect(shotsMissing(idCard, [photo])).toEqual(['国徽面']);
    expect(shotsMissing(idCard, [photo, photo])).toEqual([]);
    expect(shotsMissing(idCard, [{ type: 'application/pdf' }])).toEqual([]);
    expect(shotsMissing({}, [photo])).toEqual([]);
    expect([0, 1, 2].map((n) => addPhotoLabel(idCard, n))).toEqual(['拍摄人像面', '拍摄国徽面', '拍照或选图']);
    expect(addPhotoLabel({}, 0)).toBe('拍照或选图');
  });
});
