import type { FieldIssue } from '../errors';
import { planLevel } from '../plans';
import type { Material } from '../plans/types';
import type { Level } from '../types';

/** What an upload may be: photos (already downscaled on the phone) or a PDF. */
export const UPLOAD_TYPES = {
  'image/jpeg': { label: 'JPG 图片', maxBytes: 5 * 1024 * 1024 },
  'image/png': { label: 'PNG 图片', maxBytes: 5 * 1024 * 1024 },
  'application/pdf': { label: 'PDF 文件', maxBytes: 10 * 1024 * 1024 },
} as const;
export type UploadType = keyof typeof UPLOAD_TYPES;

/** The phone shrinks photos to this longest edge before uploading: legible, and a few hundred KB. */
export const PHOTO_MAX_EDGE = 1600;
/**
 * What one uploader may keep at a time: a candidate's own application needs a
 * handful of files; a school's class of a few hundred, a few per student. Files
 * not attached to an application within a day are removed (FILE_UNATTACHED_HOURS).
 */
export const UPLOAD_QUOTA = {
  candidate: { files: 60, bytes: 300 * 1024 * 1024 },
  institution: { files: 3000, bytes: 6 * 1024 * 1024 * 1024 },
} as const;
export const FILE_UNATTACHED_HOURS = 24;

/** Files one material may carry (an ID card's two sides, a diploma's pages). */
export const FILES_PER_MATERIAL = 4;

/**
 * The type of a file from its first bytes — never from its name or the type the
 * client claims, both of which anyone can set.
 */
export function sniffUploadType(head: Uint8Array): UploadType | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return undefined;
}

export type UploadProblem = 'FILE_TYPE_NOT_ALLOWED' | 'FILE_TOO_LARGE' | 'FILE_EMPTY';

export function uploadProblem(type: UploadType | undefined, bytes: number): UploadProblem | undefined {
  if (bytes === 0) return 'FILE_EMPTY';
  if (!type) return 'FILE_TYPE_NOT_ALLOWED';
  if (bytes > UPLOAD_TYPES[type].maxBytes) return 'FILE_TOO_LARGE';
  return undefined;
}

/** '5 MB' for the messages. */
export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

export function isCommitment(material: Material): material is Material & { commitment: string } {
  return typeof material.commitment === 'string';
}

/**
 * The named sides of a card not photographed yet (an ID card's 国徽面 after its 人像面), for a reminder
 * beside the photos — not a refusal: a PDF scan holds every side, and the card itself is shown at the
 * counter. Nothing before the first file (the button names the first side already).
 */
export function shotsMissing(material: Pick<Material, 'shots'>, files: readonly { type: string }[]): string[] {
  const labels = material.shots?.labels ?? [];
  if (files.length === 0 || files.some((file) => file.type === 'application/pdf')) return [];
  return labels.slice(files.length);
}

/** What the add button offers: the next side by name (one slot per side of a card), or any photo. */
export function addPhotoLabel(material: Pick<Material, 'shots'>, attached: number): string {
  const side = material.shots?.labels[attached];
  return side ? `拍摄${side}` : '拍照或选图';
}

/** The materials of a level that are uploaded, and those that are signed in the app. */
export function materialsFor(planId: string, level: Level): { uploads: Material[]; commitments: (Material & { commitment: string })[] } {
  const all = planLevel(planId, level).materials;
  return { uploads: all.filter((m) => !isCommitment(m)), commitments: all.filter(isCommitment) };
}

/** What a reviewer may send back for correction, one by one: the declared facts, or any material or commitment. */
export function correctableItems(planId: string, level: Level): { item: string; label: string }[] {
  const { uploads, commitments } = materialsFor(planId, level);
  return [{ item: 'facts', label: '申报信息' }, ...[...uploads, ...commitments].map((m) => ({ item: m.id, label: m.name }))];
}

export interface MaterialsDraft {
  /** material id → how many files are attached */
  files: Readonly<Record<string, number>>;
  /** material id → the name typed under the commitment */
  signatures: Readonly<Record<string, string>>;
}

/**
 * What is still missing before an application can go in: each required upload,
 * each commitment signed with the name exactly as on the ID card. The app shows
 * these beside the fields; the server refuses with the same list.
 */
export function materialsIssues(planId: string, level: Level, draft: MaterialsDraft, realName: string, satisfied: readonly string[] = []): FieldIssue[] {
  return [...uploadIssues(planId, level, draft.files, satisfied), ...commitmentIssues(planId, level, draft.signatures, realName)];
}

/** Whether an upload is asked for, given the clauses the application meets (the eligibility verdict's `satisfied`). */
export function materialRequired(material: Material, satisfied: readonly string[]): boolean {
  if (material.optional) return false;
  if (!material.requiredFor) return true;
  // Relied on: every clause met needs it. Meeting another clause as well, the candidate may rely on that one.
  return satisfied.length > 0 && satisfied.every((clause) => material.requiredFor!.includes(clause));
}

/** The uploads alone — what an institution attaches for a student it declares. `satisfied`: the clauses the application meets. */
export function uploadIssues(planId: string, level: Level, files: MaterialsDraft['files'], satisfied: readonly string[] = []): FieldIssue[] {
  const { uploads } = materialsFor(planId, level);
  const issues: FieldIssue[] = [];
  const known = new Set(uploads.map((m) => m.id));
  for (const id of Object.keys(files)) {
    if (!known.has(id)) issues.push({ path: `materials.${id}`, message: '该材料不属于本等级需上传的申报材料' });
  }
  for (const material of uploads) {
    const count = files[material.id] ?? 0;
    if (count === 0 && materialRequired(material, satisfied)) issues.push({ path: `materials.${material.id}`, message: `请上传“${material.name}”` });
    if (count > FILES_PER_MATERIAL) issues.push({ path: `materials.${material.id}`, message: `“${material.name}”最多上传${FILES_PER_MATERIAL}个文件` });
  }
  return issues;
}

export function commitmentIssues(planId: string, level: Level, signatures: MaterialsDraft['signatures'], realName: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const material of materialsFor(planId, level).commitments) {
    const typed = (signatures[material.id] ?? '').trim();
    if (!typed) issues.push({ path: `commitments.${material.id}`, message: `请阅读并签署“${material.name}”` });
    else if (typed !== realName) issues.push({ path: `commitments.${material.id}`, message: '签名须与身份证上的姓名完全一致' });
  }
  return issues;
}
