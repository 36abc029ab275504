// Settings → People: who works at the desk. Adding or deactivating someone is saved at once.
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { addPerson, setPersonActive } from '#db/repositories/cases';
import { db } from '#db/schema';
import { handledBy } from '#db/case-index/queries';
import { openConfirm } from '#ui/confirm';
import { useCurrentPerson, usePeople } from '#features/people';
import { checkDeactivate, checkNewPersonName } from '#features/people';
import { errorIn, messageIn, useT } from '#lib/i18n/index';

export function PeopleSettings() {
  const people = usePeople();
  const me = useCurrentPerson();
  const t = useT();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  // Someone who still handles open cases is asked about first: once deactivated nobody can work as them, and their
  // cases would wait with nobody (explore36-manager #8).
  const deactivate = async (p: { id: string; name: string }) => {
    const count = (await handledBy(db(), p.name)).length;
    if (count === 0) return setPersonActive(db(), p.id, false);
    openConfirm({
      title: t('settings.people.stillHandlesTitle', { name: p.name, count }),
      children: <Text size="sm">{t('settings.people.stillHandlesBody', { name: p.name, count })}</Text>,
      labels: { confirm: t('settings.people.deactivateAnyway'), cancel: t('settings.people.keepActive') },
      onConfirm: () => void setPersonActive(db(), p.id, false),
    });
  };

  const add = async () => {
    const problem = checkNewPersonName(name, people ?? []);
    if (problem) {
      setError(messageIn(t, problem));
      return;
    }
    try {
      const person = await addPerson(db(), name.trim());
      setName('');
      setError(null);
      notifications.show({
        color: 'teal',
        title: t('settings.people.added'),
        message: t('settings.people.addedMessage', { name: person.name }),
      });
    } catch (e) {
      setError(errorIn(t, e));
    }
  };

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="settings-people">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="settings-people">
            {t('settings.people.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.people.intro')}
          </Text>
        </div>
        {/* A narrow window scrolls the list in its own box, not the page (WCAG 1.4.10). */}
        <Table.ScrollContainer minWidth={420} type="native">
          <Table aria-label={t('settings.people.title')} verticalSpacing={6}>
            <Table.Tbody>
              {(people ?? []).map((p) => {
                const blocked = checkDeactivate(p, people ?? []);
                return (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Text size="sm" c={p.active ? undefined : 'dimmed'}>
                        {p.name}
                        {me?.id === p.id && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            {t('settings.people.workingNow')}
                          </Text>
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td w={110}>
                      <Badge variant="light" color={p.active ? 'teal' : 'gray'} radius="sm" tt="none" fw={500}>
                        {p.active ? t('settings.people.active') : t('settings.people.deactivated')}
                      </Badge>
                    </Table.Td>
                    <Table.Td w={140} ta="right">
                      <Button
                        size="xs"
                        variant="subtle"
                        color={p.active ? 'gray' : 'teal'}
                        disabled={blocked !== null}
                        title={blocked === null ? undefined : messageIn(t, blocked)}
                        aria-label={t(p.active ? 'settings.people.deactivateName' : 'settings.people.reactivateName', {
                          name: p.name,
                        })}
                        onClick={() => void (p.active ? deactivate(p) : setPersonActive(db(), p.id, true))}
                      >
                        {p.active ? t('settings.people.deactivate') : t('settings.people.reactivate')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
          noValidate
        >
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('settings.people.add')}
              placeholder={t('settings.people.fullName')}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              maxLength={120}
              w={300}
            />
            <Button type="submit" variant="light" mt={25}>
              {t('settings.people.addButton')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
