import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, formatMegabytes, planIdsOfBody, sniffUploadType, uploadProblem, UPLOAD_TYPES, type UploadedFileView } from '@skillcert/shared';
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FileEntity } from './file.entity';
import { FileStore } from './file-store';

/** Long enough to read an application, short enough that a forwarded link soon dies. */
const LINK_SECONDS = 60 * 60;

export type FileOwner = Pick<FileEntity, 'ownerKind' | 'ownerId'>;

/** Who owns what an actor uploads: a candidate themselves, an institution clerk their institution. */
export function uploaderOf(actor: Actor): FileOwner {
  if (actor.kind === 'candidate') return { ownerKind: 'candidate', ownerId: actor.userId };
  if (actor.accountKind === 'institution' && actor.institutionId) return { ownerKind: 'institution', ownerId: actor.institutionId };
  throw new DomainError('FORBIDDEN');
}

@Injectable()
export class FilesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: FileStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    const file = valid ? await this.db.getRepository(FileEntity).findOneBy({ id }) : null;
    if (!file) throw new DomainError('NOT_FOUND');
    return { file, bytes: await this.store.get(file.id) };
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
    const file: FileEntity = {
      id: randomUUID(),
      ...owner,
      type,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      createdAt: this.clock.now(),
    };
    // Bytes first: a row never points at a file that is not there.
    await this.store.put(file.id, bytes);
    await this.db.getRepository(FileEntity).insert(file);
    return this.view(file);
  }

  /** The files among `ids` that this owner uploaded. */
  async owned(owner: FileOwner, ids: string[]): Promise<FileEntity[]> {
    if (ids.length === 0) return [];
    return this.db.getRepository(FileEntity).findBy({ id: In(ids), ownerKind: owner.ownerKind, ownerId: owner.ownerId });
  }

  /**
   * A file for someone allowed to see it: its uploader, the candidate whose
   * application carries it, the institution that declared that application, or
   * staff of the body the application was made to. Anyone else: not found.
   */
  async read(actor: Actor, id: string): Promise<{ file: FileEntity; bytes: Buffer }> {
    const file = await this.db.getRepository(FileEntity).findOneBy({ id });
    if (!file || !(await this.mayRead(actor, file))) throw new DomainError('NOT_FOUND');
    return { file, bytes: await this.store.get(file.id) };
  }

  private async mayRead(actor: Actor, file: FileEntity): Promise<boolean> {
    if (actor.kind === 'candidate' && file.ownerKind === 'candidate' && file.ownerId === actor.userId) return true;
    if (actor.kind === 'staff' && actor.accountKind === 'institution' && file.ownerKind === 'institution' && file.ownerId === actor.institutionId) return true;
    const carriers = await this.db
      .createQueryBuilder()
      .select(['a.user_id AS user_id', 'a.plan_id AS plan_id', 'b.institution_id AS institution_id'])
      .from('application_materials', 'm')
      .innerJoin('applications', 'a', 'a.id = m.application_id')
      .leftJoin('batches', 'b', 'b.id = a.batch_id')
      .where('m.file_id = :id', { id: file.id })
      .getRawMany<{ user_id: string | null; plan_id: string; institution_id: string | null }>();
    return carriers.some((c) => {
      if (actor.kind === 'candidate') return c.user_id === actor.userId;
      if (actor.accountKind === 'institution') return c.institution_id !== null && c.institution_id === actor.institutionId;
      return actor.roles.some((r) => r === 'reviewer' || r === 'admin') && planIdsOfBody(actor.bodyId).includes(c.plan_id);
    });
  }
}
