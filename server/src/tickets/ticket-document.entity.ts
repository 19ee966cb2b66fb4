import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A ticket PDF drawn ahead and kept (its sealed bytes in the file store): a seat's (`seat:<hold id>`) or
 * a school's class (`batch:<batch id>`). The fingerprint is of everything the PDF shows: when any of it
 * changes (the session's site, the candidate's name), the kept one no longer fits and is drawn again.
 */
@Entity('ticket_documents')
export class TicketDocumentEntity {
  @PrimaryColumn({ name: 'document_key', type: 'varchar', length: 64 })
  documentKey: string;

  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  @Column({ name: 'file_key', type: 'varchar', length: 36 })
  fileKey: string;

  @Column({ name: 'rendered_at', type: 'datetime' })
  renderedAt: Date;
}
