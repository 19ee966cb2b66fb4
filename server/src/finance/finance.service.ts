import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  creditKey,
  DomainError,
  matchBatchCredit,
  matchCredit,
  planIdsOfBody,
  readStatement,
  STATEMENT_HEADER_MISSING,
  statementLayout,
  type BankCredit,
  type BankCreditView,
  type PendingFeeView,
  type CreditQuery,
  type CreditStatus,
  type PendingBatchFee,
  type PendingFee,
  type RefundItemView,
  type RefundQuery,
  type StatementColumns,
  type StatementColumnsRequest,
  type StatementColumnsView,
  type StatementImportResult,
} from '@skillcert/shared';
import { createHash, randomUUID } from 'node:crypto';
import { In, type EntityManager, type Repository } from 'typeorm';
import { ApplicationRecords, applicationFee } from '../applications';
import { BatchesService } from '../batches';
import { StaffService } from '../staff';
import { type StaffActor, Access } from '../access';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { PaymentsService } from '../payments';
import { SeatsService } from '../sessions';
import { BankCreditEntity } from './bank-credit.entity';
import { StatementColumnsEntity } from './statement-columns.entity';
import { readStatementFile } from './statement-file';

/** The credit_key column's length, in characters. */
const CREDIT_KEY_LENGTH = 300;

/**
 * Bank transfers reconciled: a statement imported (any number of times — a
 * credit already seen is the same credit), sure matches confirmed at once, the
 * rest put before finance staff, who confirm or set aside each one.
 */
@Injectable()
export class FinanceService {
  private readonly logger = new Logger('Finance');

  constructor(
    private readonly staff: StaffService,
    private readonly applications: ApplicationRecords,
    @InjectRepository(BankCreditEntity) private readonly bankCredits: Repository<BankCreditEntity>,
    private readonly batches: BatchesService,
    private readonly seats: SeatsService,
    @InjectRepository(StatementColumnsEntity) private readonly statementColumnRows: Repository<StatementColumnsEntity>,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly payments: PaymentsService,
    private readonly access: Access,
  ) {}

  async importStatement(actor: StaffActor, bytes: Buffer | undefined): Promise<StatementImportResult> {
    if (!bytes) throw new DomainError('FILE_EMPTY');
    const rows = await readStatementFile(bytes);
    if ('refused' in rows) throw new DomainError('STATEMENT_INVALID', rows.refused);
    const statement = readStatement(rows, await this.mappedColumns(actor.bodyId));
    if ('refused' in statement) {
      throw statement.refused === STATEMENT_HEADER_MISSING
        ? new DomainError('STATEMENT_COLUMNS_UNKNOWN')
        : new DomainError('STATEMENT_INVALID', statement.refused);
    }

    const keys = statement.credits.map(storedCreditKey);
    const seen = new Set(
      keys.length
        ? (await this.bankCredits.find({ where: { bodyId: actor.bodyId, creditKey: In(keys) }, select: { creditKey: true } })).map((c) => c.creditKey)
        : [],
    );
    const result: StatementImportResult = { credits: 0, duplicates: 0, confirmed: 0, review: 0, unmatched: 0, issues: statement.issues, toDecide: [] };
    const decideIds: string[] = [];
    let pending = await this.pendingFees(actor.bodyId);
    let batches = await this.pendingBatches(pending);
    for (const credit of statement.credits) {
      const key = storedCreditKey(credit);
      if (seen.has(key)) {
        result.duplicates++;
        continue;
      }
      seen.add(key);
      const id = randomUUID();
      const batchId = matchBatchCredit(credit, batches);
      const batch = batches.find((b) => b.batchId === batchId);
      if (batch) {
        const feeOf = new Map(pending.map((p) => [p.applicationId, p.feeFen]));
        const settled = await this.insertOnce(actor.bodyId, key, async (manager) => {
          await manager.insert(BankCreditEntity, this.creditRow(id, actor.bodyId, key, credit, { status: 'confirmed', batchId: batch.batchId }));
          // Each member's own fee out of the one transfer; their sum is the transfer (matchBatchCredit checked it).
          for (const memberId of batch.memberIds) {
            const share = { amountFen: feeOf.get(memberId) ?? 0, receivedAt: new Date(credit.receivedAt), payer: credit.payer };
            await this.payments.settleBank(manager, memberId, share, { kind: 'system', id: null });
          }
        });
        if (!settled) {
          result.duplicates++;
          continue;
        }
        result.credits++;
        result.confirmed++;
        pending = pending.filter((p) => !batch.memberIds.includes(p.applicationId));
        batches = batches.filter((b) => b.batchId !== batch.batchId);
        continue;
      }
      const match = matchCredit(credit, pending);
      const row = this.creditRow(id, actor.bodyId, key, credit, {
        status: match.kind === 'exact' ? 'confirmed' : match.kind === 'review' ? 'review' : 'unmatched',
        reason: match.kind === 'exact' ? null : match.reason,
        candidates: match.kind === 'review' ? match.candidates : null,
        applicationId: match.kind === 'exact' ? match.applicationId : null,
      });
      const inserted = await this.insertOnce(actor.bodyId, key, async (manager) => {
        await manager.insert(BankCreditEntity, row);
        if (match.kind === 'exact') await this.payments.settleBank(manager, match.applicationId, row, { kind: 'system', id: null });
      });
      if (!inserted) {
        result.duplicates++;
        continue;
      }
      result.credits++;
      result[row.status as 'confirmed' | 'review' | 'unmatched']++;
      if (match.kind === 'exact') pending = pending.filter((p) => p.applicationId !== match.applicationId);
      else decideIds.push(id);
    }
    result.toDecide = await this.views(await this.bankCredits.findBy({ id: In(decideIds.length ? decideIds : ['-']) }));
    return result;
  }

  /** The body's saved mapping and, for a file finance is about to map, where its columns are. */
  async statementColumns(actor: StaffActor, bytes?: Buffer): Promise<StatementColumnsView> {
    const saved = await this.mappedColumns(actor.bodyId);
    if (!bytes) return saved ? { saved } : {};
    const rows = await readStatementFile(bytes);
    if ('refused' in rows) throw new DomainError('STATEMENT_INVALID', rows.refused);
    const layout = statementLayout(rows, saved);
    if (!layout) throw new DomainError('STATEMENT_INVALID', '文件中没有表头行');
    return { ...(saved ? { saved } : {}), layout };
  }

  /** Finance maps their bank's columns once; every later statement of the body is read by it. */
  async saveStatementColumns(actor: StaffActor, columns: StatementColumnsRequest): Promise<StatementColumnsView> {
    // Two tabs saving the first mapping at once: one row, the later save's columns.
    await this.statementColumnRows.upsert(
      {
        bodyId: actor.bodyId,
        receivedAt: columns.receivedAt,
        amount: columns.amount,
        payer: columns.payer,
        remark: columns.remark,
        reference: columns.reference ?? null,
        updatedBy: actor.staffId,
        updatedAt: this.clock.now(),
      },
      ['bodyId'],
    );
    this.logger.log({ event: 'statement-columns-mapped', bodyId: actor.bodyId, staffId: actor.staffId, columns });
    return this.statementColumns(actor);
  }

  private async mappedColumns(bodyId: string): Promise<StatementColumns | undefined> {
    const row = await this.statementColumnRows.findOneBy({ bodyId });
    if (!row) return undefined;
    return { receivedAt: row.receivedAt, amount: row.amount, payer: row.payer, remark: row.remark, ...(row.reference ? { reference: row.reference } : {}) };
  }

  async credits(actor: StaffActor, query: CreditQuery): Promise<BankCreditView[]> {
    const rows = await this.bankCredits.find({ where: { bodyId: actor.bodyId, status: query.status }, order: { receivedAt: 'ASC' }, take: 500 });
    return this.views(rows);
  }

  /** A person decides: this credit pays that application. Audited on the application's timeline with their name. */
  async confirm(actor: StaffActor, creditId: string, applicationId: string): Promise<BankCreditView> {
    await this.access.require(actor, 'application', [applicationId]);
    // Before a transfer pays the fee, nothing else may: an open WeChat order is closed (one paid this minute is
    // settled, and this transfer is then owed back).
    await this.payments.closeOpenOrders(applicationId);
    await this.uow.run(async (manager) => {
      const credit = await manager.findOneBy(BankCreditEntity, { id: creditId, bodyId: actor.bodyId });
      if (!credit) throw new DomainError('NOT_FOUND');
      await this.access.require(actor, 'application', [applicationId], manager);
      const claimed = await manager.update(
        BankCreditEntity,
        { id: creditId, status: In(['review', 'unmatched'] satisfies CreditStatus[]) },
        { status: 'confirmed', applicationId, decidedBy: actor.staffId },
      );
      if (!claimed.affected) throw new DomainError('CREDIT_ALREADY_DECIDED');
      await this.payments.settleBank(manager, applicationId, credit, { kind: 'staff', id: actor.staffId });
    });
    const [view] = await this.views([await this.bankCredits.findOneByOrFail({ id: creditId })]);
    return view!;
  }

  /** Money the body must give back, and money that fits no fee: the body's, newest first. */
  async refunds(actor: StaffActor, query: RefundQuery): Promise<RefundItemView[]> {
    const rows = await this.payments.moneyBack(query.state === 'open');
    const planIds = planIdsOfBody(actor.bodyId);
    const applicationIds = [...new Set(rows.flatMap((r) => (r.applicationId ? [r.applicationId] : [])))];
    const people = await this.applications.find({ ids: applicationIds, planIds }, { select: ['applicantName', 'residentIdMasked', 'level'] });
    const byId = new Map(people.map((p) => [p.id, p]));
    const deciders = await this.staff.displayNames(rows.flatMap((r) => (r.refundDecidedBy ? [r.refundDecidedBy] : [])));
    return rows.flatMap((r) => {
      const person = r.applicationId ? byId.get(r.applicationId) : undefined;
      // Another body's money, or a school's whole order (its members' shares carry the names).
      if (!person) return [];
      return [
        {
          paymentId: r.id,
          applicationId: person.id,
          name: person.applicantName,
          residentIdMasked: person.residentIdMasked,
          level: person.level,
          channel: r.channel,
          amountFen: r.amountFen,
          ...(r.paidAt ? { paidAt: r.paidAt.toISOString() } : {}),
          reference: r.outTradeNo,
          ...(r.payer ? { payer: r.payer } : {}),
          state: r.refundState ?? 'flagged',
          reason: r.refundReason ?? r.flagReason ?? '',
          ...(r.refundedAt ? { refundedAt: r.refundedAt.toISOString() } : {}),
          ...(r.refundDecidedBy ? { refundedBy: deciders.get(r.refundDecidedBy) ?? r.refundDecidedBy } : {}),
        },
      ];
    });
  }

  /** Finance has sent a transfer back to the account it came from. */
  async refundSent(actor: StaffActor, paymentId: string): Promise<RefundItemView> {
    const payment = await this.payments.payment(paymentId);
    if (!payment?.applicationId) throw new DomainError('NOT_FOUND');
    await this.uow.run(async (manager) => {
      const application = await this.access.get(actor, 'application', payment.applicationId!, { manager });
      await this.payments.markSent(manager, payment, application, actor.staffId);
    });
    const done = await this.refunds(actor, { state: 'done' });
    const item = done.find((r) => r.paymentId === paymentId);
    if (!item) throw new DomainError('NOT_FOUND');
    return item;
  }

  /**
   * For a credit nobody could place: the applications still waiting for their fee, those the transfer
   * names (payer or remark) first, then those of the same amount — finance picks, confirm() settles.
   */
  async pendingFor(actor: StaffActor, creditId: string): Promise<PendingFeeView[]> {
    const credit = await this.bankCredits.findOneBy({ id: creditId, bodyId: actor.bodyId });
    if (!credit) throw new DomainError('NOT_FOUND');
    const pending = await this.pendingFees(actor.bodyId);
    const masked = await this.applications.find({ ids: pending.map((p) => p.applicationId) }, { select: ['residentIdMasked'] });
    const maskedOf = new Map(masked.map((m) => [m.id, m.residentIdMasked]));
    const text = `${credit.payer} ${credit.remark}`;
    return pending
      .map((p) => ({ ...p, named: text.includes(p.name) || (p.declaredPayer !== undefined && credit.payer.trim() === p.declaredPayer) }))
      .sort((a, b) => Number(b.named) - Number(a.named) || Number(b.feeFen === credit.amountFen) - Number(a.feeFen === credit.amountFen))
      .slice(0, 50)
      .map((p) => ({
        applicationId: p.applicationId,
        name: p.name,
        residentIdMasked: maskedOf.get(p.applicationId) ?? '',
        level: p.level,
        feeFen: p.feeFen,
        named: p.named,
      }));
  }

  /** Not a fee at all (a refund from elsewhere, a donation): set aside, kept for the record. */
  async ignore(actor: StaffActor, creditId: string): Promise<void> {
    const result = await this.bankCredits.update(
      { id: creditId, bodyId: actor.bodyId, status: In(['review', 'unmatched'] satisfies CreditStatus[]) },
      { status: 'ignored', decidedBy: actor.staffId },
    );
    if (!result.affected) throw new DomainError('NOT_FOUND');
  }

  /** Writes a new credit and what it pays in one transaction; false when another import took the same credit a moment ago. */
  private async insertOnce(bodyId: string, key: string, work: (manager: EntityManager) => Promise<void>): Promise<boolean> {
    try {
      await this.uow.run(work);
      return true;
    } catch (error) {
      if (await this.bankCredits.existsBy({ bodyId, creditKey: key })) return false;
      throw error;
    }
  }

  private creditRow(
    id: string,
    bodyId: string,
    key: string,
    credit: BankCredit,
    outcome: Partial<BankCreditEntity> & { status: CreditStatus },
  ): BankCreditEntity {
    return {
      id,
      bodyId,
      creditKey: key,
      receivedAt: new Date(credit.receivedAt),
      amountFen: credit.amountFen,
      payer: credit.payer.slice(0, 100),
      remark: credit.remark.slice(0, 200),
      reason: null,
      candidates: null,
      applicationId: null,
      batchId: null,
      decidedBy: null,
      createdAt: this.clock.now(),
      ...outcome,
    };
  }

  /** Schools' batches whose approved, seated members all wait for their fee: what one transfer of the total would pay. */
  private async pendingBatches(pending: PendingFee[]): Promise<PendingBatchFee[]> {
    if (!pending.length) return [];
    const members = await this.applications.find({ ids: pending.map((p) => p.applicationId), channel: 'group' }, { select: ['batchId'] });
    const batchIds = [...new Set(members.flatMap((m) => (m.batchId ? [m.batchId] : [])))];
    if (!batchIds.length) return [];
    const batches = await this.batches.byIds(batchIds);
    const institutions = await this.staff.institutionNames(batches.map((b) => b.institutionId));
    const feeOf = new Map(pending.map((p) => [p.applicationId, p.feeFen]));
    // A class with a WeChat order open (the school's, or a student's own) is not settled by a transfer without a person.
    const ordered = new Set(pending.flatMap((p) => (p.wechatOrderOpen ? [p.applicationId] : [])));
    const free = batches.filter((b) => !members.some((m) => m.batchId === b.id && ordered.has(m.id)));
    return free.map((b) => {
      const memberIds = members.filter((m) => m.batchId === b.id).map((m) => m.id);
      return {
        batchId: b.id,
        planId: b.planId,
        level: b.level,
        institution: institutions.get(b.institutionId) ?? '',
        memberIds,
        totalFen: memberIds.reduce((sum, id) => sum + (feeOf.get(id) ?? 0), 0),
      };
    });
  }

  /** Applications of the body waiting for their fee with a seat held. */
  private async pendingFees(bodyId: string): Promise<PendingFee[]> {
    const planIds = planIdsOfBody(bodyId);
    if (!planIds.length) return [];
    const held = await this.seats.holds({ status: 'held' }, { select: ['applicationId'] });
    const applications = await this.applications.find(
      { ids: held.map((h) => h.applicationId), state: 'approved', planIds },
      { select: ['planId', 'level', 'applicantName', 'subjects', 'feeFen', 'transferPayer'] },
    );
    const ordered = await this.payments.withOpenOrders(applications.map((a) => a.id));
    return applications.map((a) => ({
      applicationId: a.id,
      planId: a.planId,
      level: a.level,
      name: a.applicantName,
      feeFen: applicationFee(a),
      ...(a.transferPayer ? { declaredPayer: a.transferPayer } : {}),
      ...(ordered.has(a.id) ? { wechatOrderOpen: true } : {}),
    }));
  }

  private async views(rows: BankCreditEntity[]): Promise<BankCreditView[]> {
    const ids = [...new Set(rows.flatMap((r) => r.candidates ?? []))];
    const people = await this.applications.find({ ids }, { select: ['applicantName', 'residentIdMasked', 'level'] });
    const byId = new Map(people.map((p) => [p.id, p]));
    return rows.map((r) => ({
      id: r.id,
      receivedAt: r.receivedAt.toISOString(),
      amountFen: r.amountFen,
      payer: r.payer,
      remark: r.remark,
      status: r.status,
      ...(r.reason ? { reason: r.reason } : {}),
      candidates: (r.candidates ?? []).flatMap((id) => {
        const p = byId.get(id);
        return p ? [{ applicationId: id, name: p.applicantName, residentIdMasked: p.residentIdMasked, level: p.level }] : [];
      }),
      ...(r.applicationId ? { applicationId: r.applicationId } : {}),
    }));
  }
}

/** The key a credit is stored under: as it reads when it fits the column, else its SHA-256 (a long payer and remark). */
function storedCreditKey(credit: BankCredit): string {
  const key = creditKey(credit);
  return [...key].length <= CREDIT_KEY_LENGTH ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}
