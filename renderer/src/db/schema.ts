// The one Dexie database module. Every released schema version stays listed here, in order; data changes are
// `.upgrade()` steps on a new version, never edits to a released one.
import Dexie, { type EntityTable } from 'dexie';
import type { CaseRecord, DeskSettings, TimelineEvent } from '../../../shared/model/case';

export interface CounterRow {
  /** `${prefix}-${year}` */
  key: string;
  /** The last sequence number handed out. Only ever goes up. */
  last: number;
}

export interface SettingsRow {
  key: 'desk';
  value: DeskSettings;
}

/** An issued letter: its exact bytes are kept so it downloads identical later. */
export interface LetterRow {
  id: string;
  caseId: string;
  kind: string;
  fileName: string;
  issuedOn: string;
  issuedAt: string;
  sha256: string;
  bytes: Uint8Array;
}

export const DB_NAME = 'redress';

export class RedressDatabase extends Dexie {
  cases!: EntityTable<CaseRecord, 'id'>;
  events!: EntityTable<TimelineEvent, 'id'>;
  counters!: EntityTable<CounterRow, 'key'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  letters!: EntityTable<LetterRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1 (first release).
    this.version(1).stores({
      cases: 'id, &reference, receivedOn, status, updatedAt',
      events: 'id, caseId, [caseId+at]',
      counters: 'key',
      settings: 'key',
      letters: 'id, caseId',
    });
  }
}

let instance: RedressDatabase | null = null;

/** The app's database (one per renderer). Tests make their own with `new RedressDatabase(name)`. */
export function db(): RedressDatabase {
  instance ??= new RedressDatabase();
  return instance;
}
