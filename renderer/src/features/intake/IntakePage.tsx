import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { CATEGORIES, CATEGORY_LABELS, CHANNELS, CHANNEL_LABELS, LETTER_LANGUAGES, LETTER_LANGUAGE_LABELS } from '../../../../shared/model/case';
import { emptyIntakeForm, validateIntake, type IntakeForm } from '../../../../shared/model/intake';
import { todayIso } from '../../app/today';
import { useSettings } from '../../db/hooks';
import { createCase } from '../../db/repository';
import { db } from '../../db/schema';

export function IntakePage() {
  const settings = useSettings();
  const [, navigate] = useLocation();
  const today = todayIso();
  const form = useForm<IntakeForm>({ initialValues: emptyIntakeForm(today) });
  const [saving, setSaving] = useState(false);

  const submit = form.onSubmit(async (values) => {
    const result = validateIntake(values, todayIso());
    if (!result.ok) {
      form.setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    if (!settings) return;
    setSaving(true);
    try {
      const record = await createCase(db(), result.value, { settings, by: settings.handlerName });
      notifications.show({ color: 'teal', title: 'Complaint logged', message: `Reference ${record.reference}` });
      navigate(`/cases/${record.id}`);
    } catch (error) {
      notifications.show({ color: 'red', title: 'The complaint was not saved', message: `${String(error)}. Nothing was stored; your entries are still in the form.` });
    } finally {
      setSaving(false);
    }
  });

  const field = (name: keyof IntakeForm) => ({ name, ...form.getInputProps(name) });

  return (
    <Stack maw={820} gap="md">
      <Title order={2}>New complaint</Title>
      <form onSubmit={submit} noValidate aria-label="New complaint">
        <Stack gap="md">
          <Fieldset legend="The complaint">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput type="date" label="Date received" max={today} withAsterisk {...field('receivedOn')} />
              <Select label="Channel" placeholder="How it was made" data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} withAsterisk {...field('channel')} />
              <Select label="Category" placeholder="What it is about" data={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} withAsterisk {...field('category')} />
            </SimpleGrid>
            <Textarea mt="sm" label="Summary" description="In the customer's words where possible" autosize minRows={3} withAsterisk {...field('summary')} />
          </Fieldset>
          <Fieldset legend="Customer">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Name" withAsterisk {...field('customerName')} />
              <TextInput label="Account number" {...field('accountNumber')} />
              <Textarea label="Postal address" description="One line per row" autosize minRows={2} {...field('addressLines')} />
              <TextInput label="Postcode" {...field('postcode')} />
              <TextInput label="Phone" type="tel" {...field('phone')} />
              <TextInput label="Email" type="email" {...field('email')} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="How to write to the customer">
            <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ alignItems: 'end' }}>
              <Select
                label="Letter language"
                placeholder="The desk's usual language"
                data={LETTER_LANGUAGES.map((l) => ({ value: l, label: LETTER_LANGUAGE_LABELS[l] }))}
                clearable
                {...field('language')}
              />
              <Checkbox label="Large print letters" {...form.getInputProps('largePrint', { type: 'checkbox' })} />
              <Checkbox label="Prefers letters by post" {...form.getInputProps('prefersPost', { type: 'checkbox' })} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Someone acting for the customer (optional)">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Representative's name" {...field('repName')} />
              <TextInput label="Relationship" placeholder="e.g. son, carer, solicitor" {...field('repRelationship')} />
              <Textarea label="Representative's postal address" autosize minRows={2} {...field('repAddressLines')} />
              <TextInput label="Representative's postcode" {...field('repPostcode')} />
            </SimpleGrid>
          </Fieldset>
          <Group>
            <Button type="submit" loading={saving} disabled={!settings}>
              Log complaint
            </Button>
            <Text size="sm" c="dimmed">
              A reference number is given on saving.
            </Text>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
