import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A named running number (a day's ticket numbers, a body's certificate numbers for a year): the last one handed out. */
@Entity('number_sequences')
export class SequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'int' })
  last: number;
}
