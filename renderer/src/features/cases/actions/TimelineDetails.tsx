// What a timeline entry holds beyond its one-line summary: an edit's old and new values, a payment's figures.
import { Table, Text } from '@mantine/core';
import {
  CORRECTABLE_LABELS,
  type CorrectableField,
  correctedValueText,
  correctionNames,
  customerFieldLabel,
  customerFieldValue,
} from '#shared/casework/index';
import type { CommunicationNeeds, Representative, TimelineEvent } from '#shared/model/case';
import { correctedValueIn, enGB, type MessageKey, type Translate, useLocale, useT } from '#lib/i18n/index';
import { correctedValue } from '#shared/casework/summaries';
import { YES_NO_FIELDS } from '#shared/casework/catalogue';
import { authorityText, editValueText, needsText } from './words';

const asRecord = (v: unknown): Record<string, string> =>
  v && typeof v === 'object' ? (v as Record<string, string>) : {};

/** A correction's fields with their old and new values (#15). */
function correctionRows(event: TimelineEvent, t: Translate, locale: string): [string, string, string][] {
  const before = (event.data?.before ?? {}) as Record<string, unknown>;
  const after = (event.data?.after ?? {}) as Record<string, unknown>;
  const names = correctionNames(event.data);
  // m17b: a channel, category or calendar by its name in the interface language, not the code the entry stores.
  const valueText = (f: string, v: unknown) => {
    // How to write to the customer, and who acts for them, in the interface language from the values themselves.
    if (f === 'communication' && v && typeof v === 'object') return needsText(t, v as CommunicationNeeds);
    if (f === 'representative' && v && typeof v === 'object') {
      const r = v as Representative;
      const name = t('case.actingValue', { name: r.name, relationship: r.relationship });
      return r.authority ? `${name}; ${authorityText(t, r.authority)}` : name;
    }
    if (!(f in CORRECTABLE_LABELS)) return correctedValueText(f, v, names);
    const c = correctedValue(f as CorrectableField, v, names);
    if (typeof c === 'string') return correctedValueText(f, v, names);
    return 'none' in c ? '' : correctedValueIn(t, locale, c);
  };
  return (event.data!.changed as string[]).map((f) => [
    f in CORRECTABLE_LABELS ? t(`correctable.${f as CorrectableField}`) : f,
    valueText(f, before[f]),
    valueText(f, after[f]),
  ]);
}

export function TimelineDetails({ event }: { event: TimelineEvent }) {
  const t = useT();
  const { locale } = useLocale();
  if (!['customer-edited', 'corrected'].includes(event.type) || !Array.isArray(event.data?.changed)) return null;
  // m17b: boxes, titles and languages in the interface language (the edit form's own words).
  const customerValueText = (field: string, value: string | undefined) =>
    YES_NO_FIELDS.has(field) || field === 'title' || field === 'language'
      ? editValueText(t, 'edit-customer', field, value ?? '')
      : customerFieldValue(field, value);
  const before = asRecord(event.data.before);
  const after = asRecord(event.data.after);
  const rows: [string, string, string][] =
    event.type === 'corrected'
      ? correctionRows(event, t, locale)
      : (event.data.changed as string[]).map((field) => [
          `customerField.${field}` in enGB ? t(`customerField.${field}` as MessageKey) : customerFieldLabel(field),
          customerValueText(field, before[field]),
          customerValueText(field, after[field]),
        ]);
  const show = (s: string | undefined) =>
    s ? (
      <span style={{ whiteSpace: 'pre-line' }}>{s}</span>
    ) : (
      <Text span c="dimmed" size="xs">
        {t('timelineDetails.none')}
      </Text>
    );
  return (
    <Table
      withRowBorders={false}
      verticalSpacing={2}
      horizontalSpacing="xs"
      fz="xs"
      maw={560}
      mt={4}
      aria-label={event.type === 'corrected' ? t('timelineDetails.corrected') : t('timelineDetails.changed')}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>{t('timelineDetails.before')}</Table.Th>
          <Table.Th>{t('timelineDetails.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([label, was, now]) => (
          <Table.Tr key={label}>
            <Table.Td c="dimmed">{label}</Table.Td>
            <Table.Td>{show(was === '(none)' ? '' : was)}</Table.Td>
            <Table.Td>{show(now === '(none)' ? '' : now)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
