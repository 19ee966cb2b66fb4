import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DomainError,
  FILE_UNATTACHED_HOURS,
  formatMegabytes,
  sniffUploadType,
  uploadProblem,
  UPLOAD_QUOTA,
  UPLOAD_TYPES,
  type UploadedFileView,
} from '@skillcert/shared';
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { In, type EntityManager, type Repository } from 'typeorm';
import { WechatUsers, PersonalDataCipher } from '../identity';
import { UnitOfWork } from '../database/unit-of-work';
import { StaffService } from '../staff';
import { type Actor, Access } from '../access';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FileEntity } from './file.entity';
import { FileStore } from './file-store';
import { cleanImage } from './image-clean';
import { pdfIsActive } from './pdf-scripts';

/** Long enough to read an application, short enough that a forwarded link soon dies. */
const LINK_SECONDS = 60 * 60;

export type FileOwner = Pick<FileEntity, 'ownerKind' | 'ownerId'>;

/** Who owns what an actor uploads: a candidate themselves, an institution clerk their institution. */
export function uploaderOf(actor: Actor): FileOwner {
  if (actor.kind === 'candidate') return { ownerKind: 'candidate', ownerId: actor.userId };
  if (actor.accountKind === 'institution' && actor.institutionId) return { ownerKind: 'institution', ownerId: actor.institutionId };
  throw new DomainError('FORBIDDEN');
}

/** A table (and its column) whose rows point at files. */
export interface FileHolder {
  table: string;
  column: string;
}

@Injectable()
export class FilesService {
  private readonly holders: FileHolder[] = [];

  constructor(
    @InjectRepository(FileEntity) private readonly fileRows: Repository<FileEntity>,
    private readonly store: FileStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: PersonalDataCipher,
    private readonly uow: UnitOfWork,
    private readonly access: Access,
    private readonly users: WechatUsers,
    private readonly staff: StaffService,
  ) {}

  /**
   * A link an <Image> can load without a header (mini-program images cannot send
   * one): the file id and an expiry, signed. Only handed to someone allowed to read the file.
   */
  view(file: Pick<FileEntity, 'id' | 'type' | 'bytes'>): UploadedFileView {
    const expires = Math.floor(this.clock.now().getTime() / 1000) + LINK_SECONDS;
    return { id: file.id, type: file.type, bytes: file.bytes, url: `/api/files/${file.id}/content?expires=${expires}&sig=${this.signature(file.id, expires)}` };
  }

  async readSigned(id: string, expires: number, sig: string): Promise<{ file: FileEntity; bytes: Buffer }> {
    const expected = Buffer.from(this.signature(id, expires));
    const given = Buffer.from(sig);
    const valid = given.length === expected.length && timingSafeEqual(given, expected) && expires * 1000 > this.clock.now().getTime();
    const file = valid ? await this.fileRows.findOneBy({ id }) : null;
    if (!file) throw new DomainError('NOT_FOUND');
    return { file, bytes: this.cipher.openBytes(await this.store.get(file.id)) };
  }

  private signature(id: string, expires: number): string {
    return createHmac('sha256', this.config.personalData.hmacKey).update(`file:${id}:${expires}`).digest('base64url');
  }

  /** Keeps an upload if its bytes are a photo or PDF within the limits; the name and type the client sent are ignored. */
  async upload(owner: FileOwner, bytes: Buffer): Promise<UploadedFileView> {
    const type = sniffUploadType(bytes.subarray(0, 16));
    const problem = uploadProblem(type, bytes.length);
    if (problem === 'FILE_TOO_LARGE' && type) {
      throw new DomainError('FILE_TOO_LARGE', `文件过大：${UPLOAD_TYPES[type].label}不能超过${formatMegabytes(UPLOAD_TYPES[type].maxBytes)}`);
    }
    if (problem || !type) throw new DomainError(problem ?? 'FILE_TYPE_NOT_ALLOWED');
    if (type === 'application/pdf' && (await pdfIsActive(bytes))) throw new DomainError('PDF_ACTIVE_CONTENT');
    if (type !== 'application/pdf') {
      const picture = cleanImage(type, bytes);
      if (!picture) throw new DomainError('IMAGE_DAMAGED');
      bytes = picture;
    }
    const file: FileEntity = {
      id: randomUUID(),
      ...owner,
      type,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      createdAt: this.clock.now(),
    };
    // Bytes first, sealed: a row never points at a file that is not there, and the disk holds nothing readable.
    await this.store.put(file.id, this.cipher.sealBytes(bytes));
    try {
      await this.uow.run(async (manager) => {
        await this.lockOwner(manager, owner);
        const used = await manager
          .createQueryBuilder(FileEntity, 'f')
          .select('COUNT(*)', 'files')
          .addSelect('COALESCE(SUM(f.bytes), 0)', 'bytes')
          .where('f.owner_kind = :kind AND f.owner_id = :id', { kind: owner.ownerKind, id: owner.ownerId })
          .getRawOne<{ files: string | number; bytes: string | number }>();
        const quota = UPLOAD_QUOTA[owner.ownerKind];
        if (Number(used?.files ?? 0) + 1 > quota.files || Number(used?.bytes ?? 0) + bytes.length > quota.bytes) {
          throw new DomainError(
            'UPLOAD_QUOTA_EXCEEDED',
            `上传的文件已达上限（${quota.files}个、共${formatMegabytes(quota.bytes)}）。未用于报名的文件会在一天后自动清除，请稍后再试`,
          );
        }
        await manager.insert(FileEntity, file);
      });
    } catch (error) {
      await this.store.delete(file.id);
      throw error;
    }
    return this.view(file);
  }

  /**
   * A feature whose table points at files (an application's proof) says so here: the sweep keeps every
   * file such a row points at, and files need not know who uses them.
   */
  holdFilesIn(holder: FileHolder): void {
    this.holders.push(holder);
  }

  /**
   * Uploads not attached to any application a day after they came are removed,
   * row and bytes. The row goes only while still unattached (an application
   * taking it at that moment keeps it). Returns how many went.
   */
  async removeUnattached(): Promise<number> {
    // Nobody has said which rows hold files (started without the applications): every old file would look loose.
    if (!this.holders.length) return 0;
    const before = new Date(this.clock.now().getTime() - FILE_UNATTACHED_HOURS * 3_600_000);
    const unattached = (alias: string) =>
      this.holders.map((holder, i) => `NOT EXISTS (SELECT 1 FROM ${holder.table} h${i} WHERE h${i}.${holder.column} = ${alias})`);
    const stale = await this.fileRows
      .createQueryBuilder('f')
      .select('f.id', 'id')
      .where(['f.created_at < :before', ...unattached('f.id')].join(' AND '), { before })
      .limit(500)
      .getRawMany<{ id: string }>();
    let removed = 0;
    for (const { id } of stale) {
      const result = await this.fileRows
        .createQueryBuilder()
        .delete()
        .where(['id = :id', ...unattached(':id')].join(' AND '), { id })
        .execute();
      if (!result.affected) continue;
      await this.store.delete(id);
      removed++;
    }
    return removed;
  }

  /** Uploads by one owner queue on the owner's row, so the quota is counted one upload at a time. */
  private async lockOwner(manager: EntityManager, owner: FileOwner): Promise<void> {
    if (owner.ownerKind === 'candidate') await this.users.lockUser(manager, owner.ownerId);
    else await this.staff.lockInstitution(manager, owner.ownerId);
  }

  /** Files by id, whoever owns them: for a caller that has already checked its reach (the door's ID photo). */
  byIds(ids: readonly string[]): Promise<FileEntity[]> {
    return ids.length ? this.fileRows.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** The files among `ids` that this owner uploaded. */
  async owned(owner: FileOwner, ids: string[]): Promise<FileEntity[]> {
    if (ids.length === 0) return [];
    return this.fileRows.findBy({ id: In(ids), ownerKind: owner.ownerKind, ownerId: owner.ownerId });
  }

  /**
   * A file for someone allowed to see it: its uploader, the candidate whose
   * application carries it, the institution that declared that application, or
   * staff of the body the application was made to. Anyone else: not found.
   */
  async read(actor: Actor, id: string): Promise<{ file: FileEntity; bytes: Buffer }> {
    await this.access.require(actor, 'file', [id]);
    const file = await this.fileRows.findOneBy({ id });
    if (!file) throw new DomainError('NOT_FOUND');
    return { file, bytes: this.cipher.openBytes(await this.store.get(file.id)) };
  }

  /**
   * Bytes the server made itself (a ticket PDF drawn ahead), sealed like every upload and kept in the
   * same store, so every instance reads what any one drew. Not a file row: its keeper holds the key
   * and discards it; the sweep of unattached uploads never sees it.
   */
  async keep(bytes: Buffer): Promise<string> {
    const key = randomUUID();
    await this.store.put(key, this.cipher.sealBytes(bytes));
    return key;
  }

  async kept(key: string): Promise<Buffer> {
    return this.cipher.openBytes(await this.store.get(key));
  }

  async discard(key: string): Promise<void> {
    await this.store.delete(key);
  }
}
