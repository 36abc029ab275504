// The case's actions as one menu: what the procedure allows now first, then what it does not, each with the reason
// in plain view (not hidden in a tooltip) and reached with the arrows like any other item.
import { Button, Menu, Text } from '@mantine/core';
import { useId, useRef } from 'react';
import { IconChevronDown } from '@tabler/icons-react';
import { ACTION_GROUPS, type ActionAvailability, type CaseActionId } from '#shared/casework/index';
import { type MessageKey, messageIn, useT } from '#lib/i18n/index';
import { actionText } from './words';

export function ActionsMenu({
  actions,
  onChoose,
}: {
  actions: readonly ActionAvailability[];
  onChoose: (id: CaseActionId) => void;
}) {
  const t = useT();
  const allowed = actions.filter((a) => a.allowed);
  const refused = actions.filter((a) => !a.allowed);
  const target = useRef<HTMLButtonElement>(null);
  const ids = useId();
  // The dialog an item opens gives the focus back to the Actions button when it closes (the item itself is gone).
  const choose = (id: CaseActionId) => {
    target.current?.focus();
    onChoose(id);
  };
  // Each section is a group of the menu named by its label: a menu holds only items and groups of items.
  return (
    <Menu position="bottom-end" width={380} shadow="md" withinPortal>
      <Menu.Target>
        <Button ref={target} rightSection={<IconChevronDown size={16} stroke={1.6} />}>
          {t('actions.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={t('actions.menu')} style={{ maxHeight: 'calc(100vh - 140px)', overflowY: 'auto' }}>
        {ACTION_GROUPS.map((group) => {
          const items = allowed.filter((a) => a.group === group);
          if (items.length === 0) return null;
          return (
            <div key={group} role="group" aria-labelledby={`${ids}-${group}`}>
              <Menu.Label id={`${ids}-${group}`}>{t(`action.group.${group}` as MessageKey)}</Menu.Label>
              {items.map((a) => (
                <Menu.Item key={a.id} onClick={() => choose(a.id)}>
                  {actionText(t, a.id, 'label')}…
                </Menu.Item>
              ))}
            </div>
          );
        })}
        {refused.length > 0 && (
          <div role="group" aria-labelledby={`${ids}-refused`}>
            <Menu.Divider />
            <Menu.Label id={`${ids}-refused`}>{t('actions.notNow')}</Menu.Label>
            {refused.map((a) => (
              // Unavailable, not disabled: the arrows and End reach it, so its reason is read with it (a disabled item
              // is skipped, and its reason was out of a keyboard's reach). Choosing it does nothing and keeps the menu
              // open. The label alone is greyed; the reason stays readable.
              <Menu.Item
                key={a.id}
                aria-disabled
                closeMenuOnClick={false}
                title={a.reason && messageIn(t, a.reason)}
                style={{ cursor: 'default' }}
              >
                <Text size="sm" c="gray.6">
                  {actionText(t, a.id, 'label')}
                </Text>
                <Text size="xs" c="gray.7" style={{ whiteSpace: 'normal' }}>
                  {a.reason && messageIn(t, a.reason)}
                </Text>
              </Menu.Item>
            ))}
          </div>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
