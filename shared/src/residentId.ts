import { fromParts, isIsoDate, parts, type IsoDate } from './dates';

/**
 * Mainland resident identity numbers (GB 11643-1999): 6-digit region, 8-digit
 * birth date, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
 */
export type ResidentIdResult = { ok: true; birthDate: IsoDate; sex: 'male' | 'female' } | { ok: false; error: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** First two digits: provinces, plus 71 Taiwan, 81/82 Hong Kong/Macao, 83 residence permits for Taiwan residents. */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Trims and upper-cases the check character, so '…123x ' and '…123X' are one person. */
export function normalizeResidentId(raw: string): string {
  return raw.trim().toUpperCase();
}

export function parseResidentId(raw: string): ResidentIdResult {
  const id = normalizeResidentId(raw);
  if (id.length !== 18) return { ok: false, error: `身份证号码应为18位，当前为${id.length}位` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, error: '身份证号码前17位应为数字，最后一位为数字或X' };
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return { ok: false, error: '身份证号码的地区码不正确，请核对前两位' };
  const birthDate = fromParts(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)));
  if (!isIsoDate(birthDate) || Number(id.slice(6, 10)) < 1900) {
    return { ok: false, error: '身份证号码中的出生日期无效，请核对第7至14位' };
  }
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, error: '身份证号码校验位不正确，请逐位核对' };
  }
  return { ok: true, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Whole years of age on a date; the birthday itself counts (born 2010-03-05 → 16 on 2026-03-05). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const b = parts(birthDate);
  const d = parts(on);
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}

/** '3101**********1234' — what every response shows unless it needs the whole number. */
export function maskResidentId(id: string): string {
  const n = normalizeResidentId(id);
  if (n.length < 8) return '*'.repeat(n.length);
  return `${n.slice(0, 4)}${'*'.repeat(n.length - 8)}${n.slice(-4)}`;
}
