import type { DeskSettings } from '#shared/model/case';
import { RedressDatabase } from '#db/schema';
export declare const ALL_TABLES: readonly ['cases', 'events', 'counters', 'settings', 'letters', 'caseIndex', 'people', 'notified', 'audit', 'meta'];
/** Every table's rows in primary-key order: two databases with equal snapshots hold the same data. */
export declare function snapshot(database: RedressDatabase): Promise<Record<string, unknown[]>>;
export declare const DESK: DeskSettings;
export declare function freshDatabase(label?: string): RedressDatabase;
export declare function closeAll(): Promise<void>;
/**
 * A desk with `count` generated cases and their timelines, one letter for every `letterEvery`-th case (random bytes
 * that start like a PDF), people, reminders shown, an audit row and a meta row, and the case index built.
 */
export declare function seedDesk(database: RedressDatabase, count: number, options?: {
    seed?: number;
    letterEvery?: number;
    prefix?: string;
}): Promise<void>;
