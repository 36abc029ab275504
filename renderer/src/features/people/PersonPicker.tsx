// The header's "who is working" picker. No passwords: it only says whose name goes on what is recorded.
import { Select } from '#ui/Select';
import { IconUser } from '@tabler/icons-react';
import { useT } from '#lib/i18n/index';
import { setCurrentPersonId, useCurrentPerson, usePeople } from './current';

export function PersonPicker() {
  const people = usePeople();
  const me = useCurrentPerson();
  const t = useT();
  const active = (people ?? []).filter((p) => p.active);
  if (!me) return null;
  return (
    <Select
      aria-label={t('app.whoIsWorking')}
      size="xs"
      w={190}
      leftSection={<IconUser size={14} stroke={1.6} />}
      data={active.length ? active.map((p) => ({ value: p.id, label: p.name })) : [{ value: '', label: me.name }]}
      value={me.id ?? ''}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      onChange={(id) => {
        if (id) setCurrentPersonId(id);
      }}
    />
  );
}
