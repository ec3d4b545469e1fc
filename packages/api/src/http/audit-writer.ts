/**
 * Writes audit entries. Entries of changes are written durably before the answer; entries of reads are grouped and
 * committed together every `intervalMs` (or `maxBatch` entries) without waiting for the disk (they reach it with
 * the next durable commit or checkpoint), so a busy read path pays no fsync. Queries of the audit log, subject
 * access exports, erasure and shutdown flush first. A crash of the process loses at most the last interval's read
 * entries; a power cut, the read entries since the last durable commit — never a change's.
 */
import type { Logger } from 'pino';
import type { ApiStorage, AuditRecordInput } from '../storage.js';

export class AuditWriter {
  private pending: AuditRecordInput[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly storage: ApiStorage,
    private readonly logger: Logger,
    private readonly intervalMs = 25,
    private readonly maxBatch = 500,
  ) {}

  /** Record entries: at once (`durable`, for changes) or with the next batch (reads). */
  async add(entries: readonly AuditRecordInput[], durable: boolean): Promise<void> {
    if (entries.length === 0) return;
    if (durable) {
      const batch = this.take();
      await this.storage.appendAudit([...batch, ...entries]);
      return;
    }
    this.pending.push(...entries);
    if (this.pending.length >= this.maxBatch) await this.flush();
    else this.timer ??= setTimeout(() => void this.flush().catch((e: unknown) => this.logger.error({ err: { message: (e as Error).message } }, 'audit flush failed')), this.intervalMs);
  }

  /** Commit every pending entry now. */
  async flush(): Promise<void> {
    const batch = this.take();
    if (batch.length > 0) await this.storage.appendAudit(batch, { lazy: true });
  }

  private take(): AuditRecordInput[] {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    return batch;
  }
}
