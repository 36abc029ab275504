// Reads: live queries, so every screen redraws when the data changes (in this window or another).
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './schema';

export const useSettings = () => useLiveQuery(async () => (await db().settings.get('desk'))?.value ?? null, []);

export const useCases = () => useLiveQuery(() => db().cases.orderBy('receivedOn').reverse().toArray(), []);

export const useCase = (id: string) => useLiveQuery(async () => (await db().cases.get(id)) ?? null, [id]);

export const useTimeline = (caseId: string) =>
  useLiveQuery(() => db().events.where('[caseId+at]').between([caseId, ''], [caseId, '\uffff']).toArray(), [caseId]);

export const useLetters = (caseId: string) => useLiveQuery(() => db().letters.where('caseId').equals(caseId).toArray(), [caseId]);
