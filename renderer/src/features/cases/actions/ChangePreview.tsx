// Before a correction or a void is saved: which due dates move ("ADR letter: Sun 10 Jan 2027 → Tue 22 Dec 2026"),
// whether the stage or status changes, and (for a void) the later entries that lean on the entry. Computed by
// shared/casework (correctionPreview, voidEffects) from the rules engine's evaluation before and after.
import { Alert, List, Stack, Text } from '@mantine/core';
import { type ActionContext, type ChangePreview, correctionPreview, voidEffects } from '#shared/casework/index';
import { formatDate } from '#lib/format';

function Changes({ preview, none }: { preview: ChangePreview; none: string }) {
  const lines: string[] = [];
  if (preview.stage) lines.push(`Stage: ${preview.stage.from} → ${preview.stage.to}`);
  if (preview.status) lines.push(`Status: ${preview.status.from} → ${preview.status.to}`);
  for (const d of preview.dueDates) lines.push(`${d.label}: ${formatDate(d.from)} → ${formatDate(d.to)}`);
  if (preview.error)
    return (
      <Alert color="red" variant="light" title="This would be refused" role="alert">
        <Text size="sm">The rules engine cannot read the case after this change: {preview.error}</Text>
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
        <List.Item key={l}>{l}</List.Item>
      ))}
    </List>
  );
}

/** The dates that change if the correction in `values` is saved; nothing until a fact is changed. */
export function CorrectionPreview({ context, values }: { context: ActionContext; values: Record<string, string> }) {
  const preview = correctionPreview(values, context);
  if (!preview) return null;
  return (
    <Alert color="blue" variant="light" title="Dates that change" aria-label="Dates that change">
      <Changes preview={preview} none="No due date changes." />
    </Alert>
  );
}

/** What voiding the entry also changes: stage, status, due dates, and later entries that depend on it. */
export function VoidPreview({ context, entryId }: { context: ActionContext; entryId: string }) {
  const effects = voidEffects(entryId, context);
  if (!effects) return null;
  return (
    <Stack gap="xs">
      <Text size="sm">
        <b>{formatDate(effects.entry.on)}</b>: {effects.entry.summary}
      </Text>
      <Alert color="orange" variant="light" title="What else this affects" aria-label="What else this affects">
        <Stack gap={6}>
          <Changes preview={effects} none="No stage, status or due date changes." />
          {effects.dependents.length > 0 && (
            <>
              <Text size="sm">Later entries that depend on it (they stay as recorded):</Text>
              <List size="sm" spacing={2}>
                {effects.dependents.map((e) => (
                  <List.Item key={e.id}>
                    {formatDate(e.on)}: {e.summary}
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
