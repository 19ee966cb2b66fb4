import { InjectRepository } from '@nestjs/typeorm';
import { Injectable } from '@nestjs/common';
import {
  applicationWindow,
  banMessage,
  commitmentIssues,
  DomainError,
  evaluateEligibility,
  formatChineseDate,
  liveApplicationKey,
  materialsFor,
  shanghaiDate,
  uploadIssues,
  type ApplicantFacts,
  type ApplicationRequest,
  type FieldIssue,
  type Level,
} from '@skillcert/shared';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { inList, JoinedReads, paddedList } from '../database/joined-rows';
import { FileEntity } from '../files/file.entity';
import { CandidateProfileEntity } from '../identity/candidate-profile.entity';
import { FilesService, type FileOwner } from '../files';
import { ApplicationCommitmentEntity, ApplicationMaterialEntity } from './application-material.entity';
import { ApplicationEntity } from './application.entity';

/** Person (ID hash) → the last day of their ban still running on `day`, for those who have one; `within`: the caller's transaction. */
export type BanRegister = (residentIdHashes: readonly string[], day: string, within?: EntityManager) => Promise<Map<string, string>>;

/** The proof of an application, checked and ready to be written with it. */
export interface PreparedMaterials {
  files: Omit<ApplicationMaterialEntity, 'applicationId'>[];
  commitments: Omit<ApplicationCommitmentEntity, 'applicationId'>[];
  /** The uploader's own files among them, as stored (an application's answer shows them without reading them again). */
  fileRows: FileEntity[];
}

/** What can stop a candidate's application before it is checked, and the files they may attach. */
export interface Standing {
  /** The last day of a misconduct ban still running (any plan, any body). */
  bannedThrough?: string;
  /** Applications of theirs at this level already assessed: a new one may forfeit a make-up (checked exactly only then). */
  assessedAtLevel: number;
  /** Those of the named files that are theirs. */
  ownedFiles: FileEntity[];
}

/**
 * What every way in checks before an application exists or changes — the
 * candidate's own, a school's roster, a make-up: the window, eligibility, a
 * running ban, the materials; and how the checked proof is written.
 */
@Injectable()
export class ApplicationIntake {
  constructor(
    private readonly reads: JoinedReads,
    @InjectRepository(ApplicationMaterialEntity) private readonly applicationMaterials: Repository<ApplicationMaterialEntity>,
    private readonly clock: Clock,
    private readonly files: FilesService,
  ) {}

  /**
   * What stands between a candidate and a new application: a running ban, and in one
   * statement earlier assessed sittings at the level and which of the files named are
   * really theirs (as stored).
   */
  async standing(profile: CandidateProfileEntity, level: Level, fileIds: readonly string[]): Promise<Standing> {
    const owned = paddedList(fileIds);
    const fileColumns = (present: boolean) => this.reads.columns(FileEntity, 'f', { present });
    const rows = await this.reads.rows(
      `SELECT 'standing' AS kind, ${fileColumns(false)},
          (SELECT COUNT(*) FROM ${this.reads.table(ApplicationEntity)} x
            WHERE x.resident_id_hash = ? AND x.level = ? AND x.state = 'assessed') AS assessed
        UNION ALL
        SELECT 'file' AS kind, ${fileColumns(true)}, NULL FROM ${this.reads.table(FileEntity)} f
          WHERE f.id IN ${inList(owned)} AND f.owner_kind = 'candidate' AND f.owner_id = ?`,
      [profile.residentIdHash, level, ...owned, profile.userId],
    );
    const bannedThrough = await this.activeBan(profile.residentIdHash);
    const standing = rows.find((row) => row.kind === 'standing');
    const files = new Map<string, FileEntity>();
    for (const row of rows) {
      const file = row.kind === 'file' ? this.reads.hydrate(FileEntity, 'f', row) : undefined;
      if (file) files.set(file.id, file);
    }
    return {
      ...(bannedThrough ? { bannedThrough } : {}),
      assessedAtLevel: Number(standing?.assessed ?? 0),
      ownedFiles: [...files.values()],
    };
  }

  /** The window on today's Shanghai date and the eligibility verdict; either refusing ends the request. */
  check(planId: string, level: Level, facts: ApplicantFacts) {
    const today = shanghaiDate(this.clock.now());
    const window = applicationWindow(planId, level, today);
    if (!window.open) {
      const message = window.nextOpensOn ? `当前不在申报时间内，${formatChineseDate(window.nextOpensOn)}起可申报` : (window.note ?? undefined);
      throw new DomainError('APPLICATION_WINDOW_CLOSED', message);
    }
    const { eligible, satisfied, reasons } = evaluateEligibility(planId, level, facts, today);
    if (!eligible) {
      throw new DomainError(
        'NOT_ELIGIBLE',
        `暂不符合申报条件。${reasons[0] ?? ''}`,
        reasons.map((message) => ({ path: 'eligibility', message })),
      );
    }
    return { facts, verdict: { eligible, satisfied, reasons }, window };
  }

  /**
   * Checks the files and signatures against the plan's list for the level: every
   * file must be the uploader's own (or already on this application), every
   * commitment signed with the real name. `realName` null: no commitments (a
   * school's declaration, whose students sign at the school).
   */
  async prepareMaterials(
    owner: FileOwner,
    planId: string,
    level: Level,
    request: Pick<ApplicationRequest, 'materials' | 'commitments'>,
    realName: string | null,
    satisfied: readonly string[],
    applicationId?: string,
    /** The owner's files among those named, when already read (see `standing`). */
    owned?: FileEntity[],
  ): Promise<PreparedMaterials> {
    const wanted = [...new Set(request.materials.flatMap((m) => m.fileIds))];
    const fileRows = owned ?? (await this.files.owned(owner, wanted));
    const usable = new Set(fileRows.map((f) => f.id));
    if (applicationId) {
      const attached = await this.applicationMaterials.findBy({ applicationId });
      for (const row of attached) usable.add(row.fileId);
    }
    const counts: Record<string, number> = {};
    const issues: FieldIssue[] = [];
    const files: PreparedMaterials['files'] = [];
    const seen = new Set<string>();
    for (const material of request.materials) {
      for (const fileId of material.fileIds) {
        if (seen.has(fileId)) continue;
        seen.add(fileId);
        if (!usable.has(fileId)) {
          issues.push({ path: `materials.${material.materialId}`, message: '文件不存在或已失效，请重新上传' });
          continue;
        }
        counts[material.materialId] = (counts[material.materialId] ?? 0) + 1;
        files.push({ fileId, materialId: material.materialId, position: files.length });
      }
    }
    issues.push(...uploadIssues(planId, level, counts, satisfied));
    const signatures = Object.fromEntries(request.commitments.map((c) => [c.materialId, c.signedName]));
    if (realName !== null) issues.push(...commitmentIssues(planId, level, signatures, realName));
    if (issues.length > 0) throw new DomainError('MATERIALS_INCOMPLETE', `申报材料不完整：${issues[0]?.message ?? ''}`, issues);
    const now = this.clock.now();
    const commitments =
      realName === null
        ? []
        : materialsFor(planId, level).commitments.map((m) => ({ materialId: m.id, signedName: realName, text: m.commitment, signedAt: now }));
    return { files, commitments, fileRows };
  }

  /**
   * Makes an application carry exactly what was just checked. Rows are written
   * once and removed by their full key: a delete over a range of keys that
   * may be empty takes gap locks, and two applications doing that side by side
   * then deadlock on each other's inserts. The caller holds the application's
   * row lock (or has just inserted it), so nobody else changes its proof meanwhile.
   */
  async attach(manager: EntityManager, applicationId: string, prepared: PreparedMaterials, fresh = false): Promise<void> {
    const [files, signed] = fresh
      ? [[], []]
      : await Promise.all([
          manager.findBy(ApplicationMaterialEntity, { applicationId }),
          prepared.commitments.length ? manager.findBy(ApplicationCommitmentEntity, { applicationId }) : [],
        ]);
    const wanted = new Map(prepared.files.map((f) => [f.fileId, f]));
    const had = new Map(files.map((f) => [f.fileId, f]));
    for (const old of files) if (!wanted.has(old.fileId)) await manager.delete(ApplicationMaterialEntity, { applicationId, fileId: old.fileId });
    const added = prepared.files.filter((f) => !had.has(f.fileId));
    if (added.length)
      await manager.insert(
        ApplicationMaterialEntity,
        added.map((f) => ({ ...f, applicationId })),
      );
    for (const f of prepared.files) {
      const old = had.get(f.fileId);
      if (old && (old.materialId !== f.materialId || old.position !== f.position))
        await manager.update(ApplicationMaterialEntity, { applicationId, fileId: f.fileId }, { materialId: f.materialId, position: f.position });
    }
    // Commitments are signed anew on each submission (the name, the text shown, when); a school's declaration signs none.
    const signedBefore = new Set(signed.map((c) => c.materialId));
    const newlySigned = prepared.commitments.filter((c) => !signedBefore.has(c.materialId));
    if (newlySigned.length)
      await manager.insert(
        ApplicationCommitmentEntity,
        newlySigned.map((c) => ({ ...c, applicationId })),
      );
    for (const c of prepared.commitments)
      if (signedBefore.has(c.materialId))
        await manager.update(
          ApplicationCommitmentEntity,
          { applicationId, materialId: c.materialId },
          { signedName: c.signedName, text: c.text, signedAt: c.signedAt },
        );
  }

  /**
   * The last day of a misconduct ban still running for this person (any plan, any body), if there is one.
   * `within`: the caller's transaction (read on its own connection, never a second one).
   */
  async activeBan(residentIdHash: string, within?: EntityManager): Promise<string | undefined> {
    return (await this.activeBans([residentIdHash], within)).get(residentIdHash);
  }

  /** A banned person goes no further — approved, paid, seated or let in: APPLICANT_BANNED, saying until when. */
  async refuseBanned(residentIdHash: string, within?: EntityManager): Promise<void> {
    const ban = await this.activeBan(residentIdHash, within);
    if (ban) throw new DomainError('APPLICANT_BANNED', banMessage(ban));
  }

  /** The same for a whole class at once: person (ID hash) → the last day of their running ban, for those who have one. */
  async activeBans(residentIdHashes: readonly string[], within?: EntityManager): Promise<Map<string, string>> {
    if (residentIdHashes.length === 0) return new Map();
    if (!this.bans) throw new Error('no ban register was lent to the intake: the misconduct module lends it at start-up');
    return this.bans(residentIdHashes, shanghaiDate(this.clock.now()), within);
  }

  /**
   * The misconduct records are their owner's to read (the misconduct module, a floor above): it lends
   * the reading here at start-up. Until then every ban check fails rather than letting anyone through.
   */
  private bans?: BanRegister;

  readBansWith(register: BanRegister): void {
    this.bans = register;
  }
}

/** person (ID hash) : plan's occupation : level — the key of "one live application each". */
export function activeKeyOf(residentIdHash: string, planId: string, level: Level): string {
  return `${residentIdHash}:${liveApplicationKey(planId, level)}`;
}
