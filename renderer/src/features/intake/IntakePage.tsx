import {
  Alert,
  Button,
  Checkbox,
  Collapse,
  Fieldset,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  CUSTOMER_TITLES,
  CUSTOMER_TITLE_LABELS,
  LETTER_LANGUAGES,
  LETTER_LANGUAGE_LABELS,
  VULNERABILITY_REASONS,
  VULNERABILITY_REASON_LABELS,
} from '#shared/model/case';
import { emptyIntakeForm, validateIntake, type IntakeForm } from '#shared/model/intake';
import { deskTimeZone, todayIso } from '#lib/today';
import { confirmReceivedDate, DateField } from '#ui/DateField';
import { useFormDraft } from '#lib/forms';
import { DraftOffer } from '#ui/DraftOffer';
import { receivedDateQuestion } from '#shared/casework/index';
import { getCalendar } from '#shared/rules/index';
import { useSettings } from '#db/hooks';
import { createCase } from '#db/repositories/cases';
import { addAttachments } from '#db/repositories/attachments';
import { db } from '#db/schema';
import { ADDRESS_HINT } from '#shared/model/stored';
import { activeProviders, usualProvider } from '#shared/model/provider';
import { ScreenTitle } from '#ui/ScreenTitle';
import { emailIntakeNote, intakeFromEmail } from '#shared/mail/intake';
import { EmailView, onEmailForIntake, readEmailFile, takeEmailForIntake, type IncomingEmail } from '#features/mail';

/**
 * The email a complaint was filled in from goes on the new case (kind "email"). The case is logged first; should the
 * file be refused, the case stays and the handler is told to add the email on the case page (the file is still theirs).
 */
async function attachEmail(caseId: string, reference: string, email: IncomingEmail, by: string): Promise<void> {
  let reason: string | null = null;
  try {
    const [outcome] = await addAttachments(
      db(),
      caseId,
      [{ fileName: email.fileName, bytes: email.bytes, kind: 'email', note: 'The email the complaint came in' }],
      by,
    );
    if (!outcome.ok) reason = outcome.reason;
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  if (reason)
    notifications.show({
      color: 'orange',
      title: `The email was not attached to ${reference}`,
      message: `${reason}. Add it on the case page.`,
    });
}

export function IntakePage() {
  const settings = useSettings();
  const [, navigate] = useLocation();
  const today = todayIso();
  const [initial] = useState(() => emptyIntakeForm(today));
  const form = useForm<IntakeForm>({ initialValues: initial });
  // What is typed is kept until the complaint is logged: leaving the page by mistake offers it back. Vulnerability
  // details are special-category data and are never kept in a draft.
  const draft = useFormDraft('intake', form.values, initial, form.setValues, {
    leaveOut: ['vulnerabilityDetails', 'vulnerabilityReason', 'vulnerabilityNote'],
  });
  const [saving, setSaving] = useState(false);
  // The provider the complaint is about: the desk's usual one unless the handler picks another.
  const [chosenProvider, setChosenProvider] = useState<string | null>(null);
  const providers = settings ? activeProviders(settings) : [];
  const providerId = chosenProvider ?? (settings ? usualProvider(settings).id : null);
  const provider = providers.find((p) => p.id === providerId) ?? null;
  // Vulnerability details are special-category data: the section stays closed unless the handler opens it.
  const [vulnerabilityOpen, setVulnerabilityOpen] = useState(false);
  // A complaint that came by email: the form is filled in from it, and the email is attached once the case is logged.
  const [fromEmail, setFromEmail] = useState<IncomingEmail | null>(null);
  const [emailShown, setEmailShown] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const { setValues } = form;
  const fillFromEmail = useCallback(
    (incoming: IncomingEmail) => {
      setFromEmail(incoming);
      setValues(intakeFromEmail(incoming.email, { today: todayIso(), timeZone: deskTimeZone() }));
    },
    [setValues],
  );
  // An email dropped on the window (app/EmailDrop) is waiting, or arrives while the form is open.
  useEffect(() => {
    const take = () => {
      const incoming = takeEmailForIntake();
      if (incoming) fillFromEmail(incoming);
    };
    take();
    return onEmailForIntake(take);
  }, [fillFromEmail]);
  const pickEmail = async (file: File | undefined) => {
    if (!file) return;
    const read = await readEmailFile(file);
    if (read.ok) fillFromEmail(read.incoming);
    else notifications.show({ color: 'red', title: 'Not an email', message: read.error, autoClose: 10_000 });
  };

  const submit = form.onSubmit(async (values) => {
    const result = validateIntake(values, todayIso(), { by: settings?.handlerName ?? '' });
    if (!result.ok) {
      form.setErrors(result.errors);
      if (Object.keys(result.errors).some((k) => k.startsWith('vulnerability'))) setVulnerabilityOpen(true);
      focusField(Object.keys(result.errors)[0]);
      return;
    }
    if (!settings) return;
    // A received date that is probably a slip is asked about before anything is saved.
    const question = receivedDateQuestion(result.value.receivedOn, {
      today: todayIso(),
      channel: result.value.channel,
      calendar: getCalendar((provider ?? usualProvider(settings)).calendar),
    });
    if (question && !(await confirmReceivedDate(question))) {
      focusField('receivedOn');
      return;
    }
    setSaving(true);
    try {
      const record = await createCase(db(), result.value, {
        settings,
        ...(provider ? { providerId: provider.id } : {}),
        by: settings.handlerName,
      });
      draft.clear();
      notifications.show({ color: 'teal', title: 'Complaint logged', message: `Reference ${record.reference}` });
      if (fromEmail) await attachEmail(record.id, record.reference, fromEmail, settings.handlerName);
      navigate(`/cases/${record.id}`);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'The complaint was not saved',
        message: `${String(error)}. Nothing was stored; your entries are still in the form.`,
      });
    } finally {
      setSaving(false);
    }
  });

  const field = (name: keyof IntakeForm) => ({ name, ...form.getInputProps(name) });
  const focusField = (name: string | undefined) =>
    name &&
    document.querySelector<HTMLElement>(`[name="${name}"]:not([type="hidden"]), [data-name="${name}"]`)?.focus();

  return (
    <Stack maw={820} gap="md">
      <ScreenTitle>New complaint</ScreenTitle>
      <Group gap="sm">
        <Button variant="default" size="xs" onClick={() => emailInput.current?.click()}>
          Fill in from an email…
        </Button>
        <Text size="sm" c="dimmed">
          or drop an .eml or .msg file on the window
        </Text>
        <input
          ref={emailInput}
          type="file"
          accept=".eml,.msg,message/rfc822,application/vnd.ms-outlook"
          aria-label="Email file"
          hidden
          onChange={(e) => {
            void pickEmail(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
      </Group>
      {fromEmail && (
        <Alert color="blue" variant="light" title={emailIntakeNote(fromEmail.email)} data-testid="from-email">
          <Group gap="sm" justify="space-between">
            <Text size="sm">
              Filled in from {fromEmail.fileName}: check each field, choose a category and complete what is missing.
            </Text>
            <Button size="xs" variant="light" onClick={() => setEmailShown(true)}>
              Show the email
            </Button>
          </Group>
        </Alert>
      )}
      <Modal opened={emailShown} onClose={() => setEmailShown(false)} title="Email preview" size="xl">
        {fromEmail && <EmailView email={fromEmail.email} />}
      </Modal>
      <form onSubmit={submit} noValidate aria-label="New complaint">
        <Stack gap="md">
          <DraftOffer draft={draft} />
          <Fieldset legend="The complaint">
            {providers.length > 1 && (
              <Select
                label="Provider"
                description={
                  provider ? `${provider.company.name}: letters, dates and procedure follow this provider` : undefined
                }
                data={providers.map((p) => ({ value: p.id, label: p.name }))}
                value={providerId}
                onChange={(v) => v && setChosenProvider(v)}
                allowDeselect={false}
                required
                mb="sm"
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateField label="Date received" maxDate={today} required {...field('receivedOn')} />
              <Select
                label="Channel"
                placeholder="How it was made"
                data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
                required
                {...field('channel')}
              />
              <Select
                label="Category"
                placeholder="What it is about"
                data={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
                required
                {...field('category')}
              />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label="Summary"
              description="In the customer's words where possible"
              autosize
              minRows={3}
              required
              {...field('summary')}
            />
          </Fieldset>
          <Fieldset legend="Customer">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Name" required {...field('customerName')} />
              <Select
                label="Title"
                description='How letters greet them: "Dear Ms Okafor," (none: "Dear Amara Okafor,")'
                placeholder="None"
                data={CUSTOMER_TITLES.map((t) => ({ value: t, label: CUSTOMER_TITLE_LABELS[t] }))}
                clearable
                {...field('title')}
              />
              <TextInput label="Account number" {...field('accountNumber')} />
              <Textarea
                label="Postal address"
                description={`One line per row. ${ADDRESS_HINT}`}
                autosize
                minRows={2}
                {...field('addressLines')}
              />
              <TextInput label="Postcode" {...field('postcode')} />
              <TextInput label="Phone" type="tel" {...field('phone')} />
              <TextInput label="Email" type="email" {...field('email')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm" style={{ alignItems: 'start' }}>
              <Switch
                mt={form.values.isBusiness ? 30 : 0}
                label="Customer is a business"
                description="A company, sole trader or not-for-profit"
                {...form.getInputProps('isBusiness', { type: 'checkbox' })}
              />
              {form.values.isBusiness && (
                <TextInput
                  label="Number of employees"
                  description="Decides whether the complaints rules cover them; leave blank if not known yet"
                  inputMode="numeric"
                  autoComplete="off"
                  maw={300}
                  {...field('employees')}
                />
              )}
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
              <Textarea
                label="Representative's postal address"
                description={`One line per row. ${ADDRESS_HINT}`}
                autosize
                minRows={2}
                {...field('repAddressLines')}
              />
              <TextInput label="Representative's postcode" {...field('repPostcode')} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Vulnerability or health (optional)">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" c="dimmed">
                Only if the desk needs it to treat the customer fairly, and only with a reason. Kept out of lists,
                search, exports and letters.
              </Text>
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setVulnerabilityOpen((o) => !o)}
                aria-expanded={vulnerabilityOpen}
                style={{ flexShrink: 0 }}
              >
                {vulnerabilityOpen ? 'Hide' : 'Add details…'}
              </Button>
            </Group>
            <Collapse expanded={vulnerabilityOpen}>
              <Stack gap="sm" mt="sm">
                <Textarea
                  label="Vulnerability or health details"
                  description="Only what the desk needs, e.g. needs calls by text relay"
                  autosize
                  minRows={2}
                  {...field('vulnerabilityDetails')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label="Why we need to record it"
                    placeholder="Choose the reason"
                    data={VULNERABILITY_REASONS.map((r) => ({ value: r, label: VULNERABILITY_REASON_LABELS[r] }))}
                    clearable
                    {...field('vulnerabilityReason')}
                  />
                  <TextInput label="About the reason (optional)" {...field('vulnerabilityNote')} />
                </SimpleGrid>
              </Stack>
            </Collapse>
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
