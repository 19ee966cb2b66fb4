import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, feeFor, type ApplicationState, type Level } from '@skillcert/shared';
import { In, type EntityManager, type FindOptionsOrder, type FindOptionsWhere, type Repository } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { FilesService } from '../files';
import { ApplicationMaterialEntity } from './application-material.entity';
import { ApplicationEntity } from './application.entity';

/** Which applications: every condition given must hold; a list matches any of its values (an empty list, nothing). */
export interface ApplicationFilter {
  ids?: readonly string[];
  planIds?: readonly string[];
  state?: ApplicationState | readonly ApplicationState[];
  level?: Level;
  channel?: ApplicationEntity['channel'];
  batchId?: string;
  activeKeys?: readonly string[];
  /** One person's (the ID number's hash), across plans and bodies. */
  residentIdHash?: string;
}

export interface ApplicationReadOptions<K extends keyof ApplicationEntity> {
  /** Only these columns (and the id): a list of forty reads four columns, not forty rows of facts. */
  select?: readonly K[];
  /** `applied`: first come first (a school's class in its row order); `batch-row`: a class as its sheet listed it; `id`: the order every writer locks rows in. */
  order?: 'applied' | 'batch-row' | 'id' | 'approved';
  take?: number;
  /** Read inside the caller's transaction. */
  within?: EntityManager;
  /** Locks the rows for the rest of `within`'s transaction (on MariaDB; SQLite's transactions already run one at a time). */
  lock?: boolean;
}

/** What a school may still change of a student's draft: the roster's facts and its 初审. */
export type DraftField =
  | 'applicantName'
  | 'residentIdMasked'
  | 'birthDate'
  | 'phoneCipher'
  | 'phoneHash'
  | 'batchRow'
  | 'facts'
  | 'verdict'
  | 'prereview'
  | 'prereviewNote'
  | 'updatedAt';

const ORDERS: Record<NonNullable<ApplicationReadOptions<keyof ApplicationEntity>['order']>, FindOptionsOrder<ApplicationEntity>> = {
  applied: { createdAt: 'ASC', batchRow: 'ASC' },
  'batch-row': { batchRow: 'ASC' },
  id: { id: 'ASC' },
  approved: { updatedAt: 'ASC', id: 'ASC' },
};

/**
 * The applications' own door for every other feature: the application is the hub that review, seats,
 * payments, exam day, results, misconduct and tickets all move, so they read it — often inside their
 * own transaction, under its row lock — through here, and change its state only through
 * `ApplicationStates`. The one other writer is a school's class: its drafts are added and edited here.
 */
@Injectable()
export class ApplicationRecords implements OnModuleInit {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly applicationRows: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationMaterialEntity) private readonly applicationMaterials: Repository<ApplicationMaterialEntity>,
    private readonly uow: UnitOfWork,
    private readonly files: FilesService,
  ) {}

  /** An application's proof keeps its files from the sweep of unattached uploads. */
  onModuleInit(): void {
    this.files.holdFilesIn({ table: this.applicationMaterials.metadata.tableName, column: 'file_id' });
  }

  async find<K extends keyof ApplicationEntity = keyof ApplicationEntity>(
    filter: ApplicationFilter,
    options: ApplicationReadOptions<K> = {},
  ): Promise<Pick<ApplicationEntity, K | 'id'>[]> {
    const where = whereOf(filter);
    if (!where) return [];
    const lock = options.lock ? this.uow.rowLock : undefined;
    return this.rows(options.within).find({
      where,
      ...(options.select ? { select: Object.fromEntries([['id', true], ...options.select.map((key) => [key, true])]) } : {}),
      ...(options.order ? { order: ORDERS[options.order] } : {}),
      ...(options.take ? { take: options.take } : {}),
      ...(lock ? { lock } : {}),
    });
  }

  async get(id: string, options: Pick<ApplicationReadOptions<keyof ApplicationEntity>, 'within' | 'lock'> = {}): Promise<ApplicationEntity | null> {
    const [row] = await this.find({ ids: [id] }, options);
    return row ?? null;
  }

  /** One that must be there (the caller holds its id from a row that points at it). */
  async mustGet(id: string, options: Pick<ApplicationReadOptions<keyof ApplicationEntity>, 'within' | 'lock'> = {}): Promise<ApplicationEntity> {
    const row = await this.get(id, options);
    if (!row) throw new DomainError('NOT_FOUND');
    return row;
  }

  /** Locks the rows, in id order (one order for every writer: two writers never hold each other's rows crosswise). */
  async lock(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await this.find({ ids: [...new Set(ids)].sort() }, { within: manager, lock: true, select: ['id'], order: 'id' });
  }

  count(filter: ApplicationFilter): Promise<number> {
    const where = whereOf(filter);
    return where ? this.applicationRows.countBy(where) : Promise.resolve(0);
  }

  /** The files attached to applications, in the order they were attached (optionally one material's). */
  materials(applicationIds: readonly string[], options: { materialId?: string; within?: EntityManager } = {}): Promise<ApplicationMaterialEntity[]> {
    if (!applicationIds.length) return Promise.resolve([]);
    const rows = options.within ? options.within.getRepository(ApplicationMaterialEntity) : this.applicationMaterials;
    return rows.find({
      where: { applicationId: In([...applicationIds]), ...(options.materialId ? { materialId: options.materialId } : {}) },
      order: { position: 'ASC' },
    });
  }

  /** A school's students, added to its class as drafts (a hundred rows a statement: a class of 500 is a handful of round trips). */
  async addDrafts(manager: EntityManager, rows: readonly ApplicationEntity[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 100) await manager.insert(ApplicationEntity, rows.slice(i, i + 100));
  }

  /** Changes members of a class that are still drafts; returns how many were. */
  async editDrafts(
    manager: EntityManager,
    members: { batchId: string; ids: readonly string[] },
    changes: Partial<Pick<ApplicationEntity, DraftField>>,
  ): Promise<number> {
    if (!members.ids.length) return 0;
    const result = await manager.update(ApplicationEntity, { batchId: members.batchId, id: In([...members.ids]), state: 'draft' }, changes);
    return result.affected ?? 0;
  }

  /**
   * A person's ID number corrected by staff (the original card at the counter): their applications
   * carry the new number, sealed as the caller gives it, and their live ones its new key.
   */
  async rekeyPerson(
    manager: EntityManager,
    ids: readonly string[],
    person: Pick<ApplicationEntity, 'residentIdCipher' | 'residentIdHash' | 'residentIdMasked' | 'birthDate'>,
    activeKeyOf: (application: Pick<ApplicationEntity, 'planId' | 'level'>) => string,
  ): Promise<void> {
    const { residentIdCipher, residentIdHash, residentIdMasked, birthDate } = person;
    for (const application of await this.find({ ids }, { within: manager, select: ['planId', 'level', 'activeKey'] })) {
      await manager.update(
        ApplicationEntity,
        { id: application.id },
        { residentIdCipher, residentIdHash, residentIdMasked, birthDate, ...(application.activeKey ? { activeKey: activeKeyOf(application) } : {}) },
      );
    }
  }

  private rows(within?: EntityManager): Repository<ApplicationEntity> {
    return within ? within.getRepository(ApplicationEntity) : this.applicationRows;
  }
}

function whereOf(filter: ApplicationFilter): FindOptionsWhere<ApplicationEntity> | undefined {
  const lists = [filter.ids, filter.planIds, filter.activeKeys, Array.isArray(filter.state) ? filter.state : undefined];
  if (lists.some((list) => list && list.length === 0)) return undefined;
  const states = filter.state === undefined ? undefined : typeof filter.state === 'string' ? filter.state : In([...filter.state]);
  return {
    ...(filter.ids ? { id: filter.ids.length === 1 ? filter.ids[0] : In([...filter.ids]) } : {}),
    ...(filter.planIds ? { planId: In([...filter.planIds]) } : {}),
    ...(states !== undefined ? { state: states as FindOptionsWhere<ApplicationEntity>['state'] } : {}),
    ...(filter.level !== undefined ? { level: filter.level } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.batchId ? { batchId: filter.batchId } : {}),
    ...(filter.activeKeys ? { activeKey: In([...filter.activeKeys]) } : {}),
    ...(filter.residentIdHash ? { residentIdHash: filter.residentIdHash } : {}),
  };
}

/** What an application costs: the level's fee, or a make-up's subjects' fees. Always from the plan, never from a client. */
export function applicationFee(application: Pick<ApplicationEntity, 'planId' | 'level' | 'subjects' | 'feeFen'>): number {
  return application.feeFen ?? feeFor(application.planId, application.level, application.subjects ?? undefined);
}
