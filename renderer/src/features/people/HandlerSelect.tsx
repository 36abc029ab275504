// Hand a case to someone else at the desk. Drop it on any screen that shows a case (the case page, "My cases").
import { errorIn, useT } from '#lib/i18n/index';
import { type SelectProps } from '@mantine/core';
import { Select } from '#ui/Select';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { db } from '#db/schema';
import { reassignCase } from '#db/repositories/assign';
import { useCurrentPerson, usePeople } from './current';

export interface HandlerSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  caseId: string;
  reference: string;
  /** The case's handler now ('' or undefined: nobody). */
  assignee: string | undefined;
}

export function HandlerSelect({ caseId, reference, assignee, ...props }: HandlerSelectProps) {
  const people = usePeople();
  const me = useCurrentPerson();
  const [saving, setSaving] = useState(false);
  const t = useT();
  // One option per name: desks of a team each add their first handler, so one name can be on the list twice.
  const names = [...new Set((people ?? []).filter((p) => p.active).map((p) => p.name))];
  // Someone no longer active can still be shown as the handler until the case is handed over.
  if (assignee && !names.includes(assignee)) names.push(assignee);

  return (
    <Select
      aria-label={t('handler.label', { reference })}
      data={names}
      value={assignee || null}
      placeholder={t('common.nobody')}
      allowDeselect={false}
      searchable
      disabled={saving || !me}
      onChange={async (to) => {
        if (!to || to === assignee || !me) return;
        setSaving(true);
        try {
          await reassignCase(db(), caseId, to, { by: me.name });
          notifications.show({
            color: 'teal',
            title: t('handler.handedOver'),
            message: t('handler.handedOverMessage', { reference, name: to }),
          });
        } catch (error) {
          notifications.show({
            color: 'red',
            title: t('handler.notHandedOver'),
            message: errorIn(t, error),
          });
        } finally {
          setSaving(false);
        }
      }}
      {...props}
    />
  );
}
