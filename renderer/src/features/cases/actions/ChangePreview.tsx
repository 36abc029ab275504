// Before a correction or a void is saved: which due dates move ("ADR letter: Sun 10 Jan 2027 → Tue 22 Dec 2026"),
// whether the stage or status changes, and (for a void) the later entries that lean on the entry. Computed by
// shared/casework (correctionPreview, voidEffects) from the rules engine's evaluation before and after.
import { Alert, List, Stack, Text } from '@mantine/core';
import { type ActionContext, type ChangePreview, correctionPreview, voidEffects } from '#shared/casework/index';
import { formatDate } from '#lib/format';
import { MismatchWarning } from '#ui/MismatchWarning';
import { FormattedMessage } from 'react-intl';
import { clockLabel, entrySummaryIn, type MessageKey, phraseIn, useLocale, useT } from '#lib/i18n/index';

function Changes({ preview, none }: { preview: ChangePreview; none: string }) {
  const t = useT();
  const { locale } = useLocale();
  // Each line, and whether it makes a clock overdue (said in words, and marked).
  const lines: Array<{ text: string; overdue?: true }> = [];
  if (preview.stage) lines.push({ text: t('preview.stage', { from: preview.stage.from, to: preview.stage.to }) });
  if (preview.status)
    lines.push({
      text: t('preview.status', {
        from: t(`model.status.${preview.status.from}` as MessageKey),
        to: t(`model.status.${preview.status.to}` as MessageKey),
      }),
    });
  for (const d of preview.dueDates) {
    const label = clockLabel(t, d.label, locale);
    if (d.standing) {
      // The same day, met before and not after (or the other way round): said by how it stands.
      const { from, to } = d.standing;
      lines.push({
        text: t('preview.standing', {
          label,
          date: formatDate(d.to),
          from: t(`preview.standing.${from}`),
          to: t(`preview.standing.${to}`),
        }),
        ...(to === 'missed' || to === 'overdue' ? { overdue: true as const } : {}),
      });
      continue;
    }
    const values = { label, from: formatDate(d.from), to: formatDate(d.to) };
    if (d.missed === 'now-missed') lines.push({ text: t('preview.dueNowMissed', values), overdue: true });
    else if (d.missed === 'no-longer-missed') lines.push({ text: t('preview.dueNoLongerMissed', values) });
    else lines.push({ text: t('preview.due', values) });
    if (d.sentEarlyOn)
      lines.push({
        text: t('preview.adrLetterEarly', { on: formatDate(d.sentEarlyOn), to: formatDate(d.to) }),
        overdue: true,
      });
  }
  if (preview.error)
    return (
      <Alert color="red" variant="light" title={t('preview.refused')} role="alert">
        <Text size="sm">
          {t('preview.refusedText', { error: preview.reason ? phraseIn(t, locale, preview.reason) : preview.error })}
        </Text>
      </Alert>
    );
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed" data-change-preview="none">
        {none}
      </Text>
    );
  return (
    <List size="sm" spacing={2} data-change-preview="dates">
      {lines.map((l) => (
        <List.Item key={l.text} {...(l.overdue ? { c: 'red.9', fw: 600, 'data-overdue': '' } : {})}>
          {l.text}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * The dates that change if the correction in `values` is saved; nothing until a fact is changed. A move to another
 * provider or procedure also says what would not fit together (a UK procedure on the Canadian calendar…): a warning,
 * the correction may still be saved.
 */
export function CorrectionPreview({ context, values }: { context: ActionContext; values: Record<string, string> }) {
  const t = useT();
  const preview = correctionPreview(values, context);
  if (!preview) return null;
  const dates = (
    <Alert
      color="blue"
      variant="light"
      role="note"
      title={t('preview.datesChange')}
      aria-label={t('preview.datesChange')}
    >
      <Changes preview={preview} none={t('preview.noDueChange')} />
    </Alert>
  );
  if (!preview.mismatches?.length) return dates;
  return (
    <Stack gap="xs">
      {dates}
      <MismatchWarning
        title={t('preview.mismatchTitle')}
        aria-label={t('preview.mismatchTitle')}
        data-correction-mismatches
        mismatches={preview.mismatches}
      >
        <Text size="xs" c="dimmed">
          {t('preview.mismatchHint')}
        </Text>
      </MismatchWarning>
    </Stack>
  );
}

/** What voiding the entry also changes: stage, status, due dates, and later entries that depend on it. */
export function VoidPreview({ context, entryId }: { context: ActionContext; entryId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const effects = voidEffects(entryId, context);
  if (!effects) return null;
  const said = { record: context.record, procedure: context.procedure, events: context.events };
  return (
    <Stack gap="xs">
      <Text size="sm">
        <FormattedMessage
          id="preview.entry"
          values={{
            date: formatDate(effects.entry.on),
            summary: entrySummaryIn(t, locale, effects.entry, said),
            b: (c) => <b>{c}</b>,
          }}
        />
      </Text>
      <Alert color="orange" variant="light" role="note" title={t('preview.affects')} aria-label={t('preview.affects')}>
        <Stack gap={6}>
          <Changes preview={effects} none={t('preview.noChange')} />
          {effects.dependents.length > 0 && (
            <>
              <Text size="sm">{t('preview.dependents')}</Text>
              <List size="sm" spacing={2}>
                {effects.dependents.map((e) => (
                  <List.Item key={e.id}>
                    {t('preview.dependent', { date: formatDate(e.on), summary: entrySummaryIn(t, locale, e, said) })}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      </Alert>
    </Stack>
  );
}
