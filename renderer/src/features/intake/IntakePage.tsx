import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Collapse,
  Fieldset,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { Select } from '#ui/Select';
import { useLiveQuery } from 'dexie-react-hooks';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type FocusEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { CATEGORIES, CHANNELS, CUSTOMER_TITLES, LETTER_LANGUAGES, VULNERABILITY_REASONS } from '#shared/model/case';
import { emptyIntakeForm, postcodesToCheck, validateIntake, type IntakeForm } from '#shared/model/intake';
import { POSTCODE_EXAMPLES } from '#shared/model/postcode';
import { deskTimeZone, todayIso } from '#lib/today';
import { confirmReceivedDate, DateField } from '#ui/DateField';
import { useFormDraft } from '#lib/forms';
import { DraftOffer } from '#ui/DraftOffer';
import { receivedDateQuestion } from '#shared/casework/index';
import { getCalendar, isProcedureRetired } from '#shared/rules/index';
import { procedureLabel } from '#lib/rules';
import { useSettings } from '#db/hooks';
import { createCase } from '#db/repositories/cases';
import { addAttachments } from '#db/repositories/attachments';
import { db } from '#db/schema';
import { activeProviders, usualProvider } from '#shared/model/provider';
import { ScreenTitle } from '#ui/ScreenTitle';
import { focusFirstInvalid } from '#lib/focus-invalid';
import {
  emailReceivedOn,
  type EmailIntakeFields,
  fillFromEmail as mergeEmailFields,
  intakeFromEmail,
} from '#shared/mail/intake';
import { referencesQuotedIn } from '#shared/model/reference';
import { casesWithReferences } from '#db/case-index/queries';
import { EmailView, onEmailForIntake, readEmailFile, takeEmailForIntake, type IncomingEmail } from '#features/mail';
import { useWorkingPerson } from '#features/people';
import { useIntl } from 'react-intl';
import {
  attachmentRefusalIn,
  emailProblemIn,
  errorDetailIn,
  type MessageKey,
  problemIn,
  refusalIn,
  technicalDetail,
  type Translate,
  useT,
} from '#lib/i18n/index';
import type { IntakeField } from '#shared/model/intake';
import type { Problem } from '#shared/model/problems';
import { ADDRESS_LINE_MAX_CHARS, ADDRESS_MAX_LINES } from '#shared/model/stored';
import { largePrintMisfits } from './large-print';

/**
 * The email a complaint was filled in from goes on the new case (kind "email"). The case is logged first; should the
 * file be refused, the case stays and the handler is told to add the email on the case page (the file is still theirs).
 */
async function attachEmail(
  caseId: string,
  reference: string,
  email: IncomingEmail,
  by: string,
  t: Translate,
): Promise<void> {
  let reason: string | null = null;
  try {
    const [outcome] = await addAttachments(
      db(),
      caseId,
      [{ fileName: email.fileName, bytes: email.bytes, kind: 'email', note: t('intake.emailNote') }],
      by,
    );
    if (!outcome.ok) reason = attachmentRefusalIn(t, outcome.said);
  } catch (error) {
    reason = errorDetailIn(t, error);
  }
  if (reason)
    notifications.show({
      color: 'orange',
      title: t('intake.emailNotAttached', { reference }),
      message: t('intake.emailNotAttachedText', { reason }),
    });
}

/** Each field's label on this form: a form check's message names the field by it ("Nom : au plus 200 caractères"). */
const FIELD_LABELS: Partial<Record<IntakeField, MessageKey>> = {
  customerName: 'intake.name',
  accountNumber: 'intake.account',
  postcode: 'intake.postcode',
  phone: 'intake.phone',
  email: 'intake.email',
  repName: 'intake.repName',
  repRelationship: 'intake.relationship',
  repPostcode: 'intake.repPostcode',
  summary: 'intake.summary',
  vulnerabilityDetails: 'intake.vulnerabilityDetails',
  vulnerabilityNote: 'intake.vulnerabilityNote',
};

/** The form's messages in the interface language (a message without a code is shown as shared/ wrote it). */
function intakeErrorsIn(
  t: Translate,
  result: { errors: Partial<Record<IntakeField, string>>; problems: Partial<Record<IntakeField, Problem>> },
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(result.errors) as Array<[IntakeField, string]>) {
    const p = result.problems[field];
    const label = FIELD_LABELS[field];
    out[field] = p ? problemIn(t, p, label && t(label)) : message;
  }
  return out;
}

/** The fields an email fills in, by their labels on the form (to say which typed ones were kept). */
const EMAIL_FIELD_LABELS: Record<keyof EmailIntakeFields, MessageKey> = {
  // A computed key: the bare-text check takes a `title:` for words on screen, and this is a message key.
  ['title' as const]: 'intake.customerTitle',
  receivedOn: 'intake.received',
  channel: 'intake.channel',
  customerName: 'intake.name',
  email: 'intake.email',
  summary: 'intake.summary',
};

/** The ICU select's word for a sender turned round with no title. */
const NO_TITLE = 'none';

/** A subject longer than this is shown on two lines in the banner, with a button to show it whole. */
const LONG_SUBJECT_CHARS = 140;

export function IntakePage() {
  const t = useT();
  const intl = useIntl();
  const settings = useSettings();
  const working = useWorkingPerson();
  const [, navigate] = useLocation();
  const today = todayIso();
  const [initial] = useState(() => emptyIntakeForm(today));
  const form = useForm<IntakeForm>({ initialValues: initial });
  const formRef = useRef<HTMLFormElement>(null);
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
  // Its letters' envelope window is the one a large-print address must fit (No. 10 in Canada, DL in the UK); until the
  // settings are read, the UK's (nothing can be saved before then).
  const letterRegion = provider?.region ?? (settings ? usualProvider(settings).region : 'UK');
  // A provider left following a retired procedure (two desks changed them at once): said, and the complaint still
  // logged under it, never refused.
  const retiredProcedure =
    provider && isProcedureRetired(provider.procedureId) ? procedureLabel(provider.procedureId) : null;
  // Vulnerability details are special-category data: the section stays closed unless the handler opens it.
  const [vulnerabilityOpen, setVulnerabilityOpen] = useState(false);
  const [typingPostcode, setTypingPostcode] = useState<'postcode' | 'repPostcode' | null>(null);
  // A complaint that came by email: the form is filled in from it, and the email is attached once the case is logged.
  const [fromEmail, setFromEmail] = useState<IncomingEmail | null>(null);
  const [emailShown, setEmailShown] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const { getValues, setValues } = form;
  const [keptFromEmail, setKeptFromEmail] = useState<Array<keyof EmailIntakeFields>>([]);
  // What the last email read filled in: a second email replaces it, as it replaces an untouched field (explore39 #6).
  const [filledFromEmail, setFilledFromEmail] = useState<(EmailIntakeFields & { nameWrittenAs?: string }) | null>(null);
  const lastFilled = useRef<EmailIntakeFields | null>(null);
  const [subjectShown, setSubjectShown] = useState(false);
  const fillFromEmail = useCallback(
    (incoming: IncomingEmail) => {
      setFromEmail(incoming);
      setSubjectShown(false);
      // What the handler already typed stays; the email fills the rest (and says where it differed).
      const fields = intakeFromEmail(incoming.email, { today: todayIso(), timeZone: deskTimeZone() });
      const { values, kept } = mergeEmailFields(
        getValues(),
        emptyIntakeForm(todayIso()),
        fields,
        lastFilled.current ?? undefined,
      );
      lastFilled.current = fields;
      setFilledFromEmail(fields);
      setValues(values);
      setKeptFromEmail(kept);
    },
    [getValues, setValues],
  );
  // The cases of the desk the email quotes ("Your ref RDR-2026-000001"): it may belong on one of them (explore39 #7).
  const quoted = useMemo(
    () => (fromEmail ? referencesQuotedIn(`${fromEmail.email.subject}\n${fromEmail.email.text}`) : []),
    [fromEmail],
  );
  const quotedCases = useLiveQuery(() => casesWithReferences(db(), quoted), [quoted]) ?? [];
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
    else
      notifications.show({
        color: 'red',
        title: t('intake.notAnEmail'),
        message: emailProblemIn(t, read.said),
        autoClose: 10_000,
      });
  };

  const submit = form.onSubmit(async (values) => {
    // Who logs it: the person chosen in the header, as every other entry (explore33-manager #1: it was the desk's
    // default name, so a second handler's intakes were counted as the first's).
    const author = working || settings?.handlerName || '';
    const result = validateIntake(values, todayIso(), { by: author });
    if (!result.ok) {
      form.setErrors(intakeErrorsIn(t, result));
      if (Object.keys(result.errors).some((k) => k.startsWith('vulnerability'))) setVulnerabilityOpen(true);
      focusFirstInvalid(formRef.current);
      return;
    }
    if (!settings) return;
    // A received date that is probably a slip is asked about before anything is saved.
    const question = receivedDateQuestion(result.value.receivedOn, {
      today: todayIso(),
      channel: result.value.channel,
      calendar: getCalendar((provider ?? usualProvider(settings)).calendar),
    });
    if (question && !(await confirmReceivedDate(question, { t, locale: intl.locale, date: result.value.receivedOn }))) {
      focusField('receivedOn');
      return;
    }
    setSaving(true);
    try {
      const record = await createCase(db(), result.value, {
        settings,
        ...(provider ? { providerId: provider.id } : {}),
        by: author,
      });
      draft.clear();
      notifications.show({
        color: 'teal',
        title: t('intake.logged'),
        message: t('intake.loggedText', { reference: record.reference }),
      });
      if (fromEmail) await attachEmail(record.id, record.reference, fromEmail, author, t);
      navigate(`/cases/${record.id}`);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('intake.notSaved'),
        // A refusal (a provider retired meanwhile) says it was not saved; anything else as technical detail (say9).
        message: refusalIn(t, error) ?? t('intake.notSavedText', { error: technicalDetail(error) }),
      });
    } finally {
      setSaving(false);
    }
  });

  const field = (name: keyof IntakeForm) => ({ name, ...form.getInputProps(name) });
  // A postcode is checked once the handler has left its box, not while it is being typed.
  const postcodeField = (name: 'postcode' | 'repPostcode') => {
    const props = field(name);
    return {
      ...props,
      onFocus: (e: FocusEvent<HTMLInputElement>) => {
        setTypingPostcode(name);
        props.onFocus?.(e);
      },
      onBlur: (e: FocusEvent<HTMLInputElement>) => {
        setTypingPostcode(null);
        props.onBlur?.(e);
      },
    };
  };
  const postcodeChecks = postcodesToCheck(form.values, letterRegion).filter((c) => c.field !== typingPostcode);
  const postcodeCheck = (name: 'postcode' | 'repPostcode') =>
    postcodeChecks
      .filter((c) => c.field === name)
      .map((c) => (
        <Alert key={c.field} color="yellow" variant="light" mt="sm" role="status" data-postcode-check={c.field}>
          {t('intake.postcodeCheck', {
            postcode: c.postcode,
            region: letterRegion,
            example: POSTCODE_EXAMPLES[letterRegion],
          })}
        </Alert>
      ));
  const focusField = (name: string | undefined) =>
    name &&
    document.querySelector<HTMLElement>(`[name="${name}"]:not([type="hidden"]), [data-name="${name}"]`)?.focus();

  return (
    <Stack maw={820} gap="md">
      <ScreenTitle>{t('intake.title')}</ScreenTitle>
      <Group gap="sm">
        <Button variant="default" size="xs" onClick={() => emailInput.current?.click()}>
          {t('intake.fromEmail')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('intake.dropHint')}
        </Text>
        <input
          ref={emailInput}
          type="file"
          accept=".eml,.msg,message/rfc822,application/vnd.ms-outlook"
          aria-label={t('intake.emailFile')}
          hidden
          onChange={(e) => {
            void pickEmail(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
      </Group>
      {fromEmail && (
        <Alert
          color="blue"
          variant="light"
          title={
            <Text
              span
              inherit
              lineClamp={subjectShown ? undefined : 2}
              title={fromEmail.email.subject}
              style={{ overflowWrap: 'anywhere' }}
              data-testid="from-email-subject"
            >
              {t('intake.fromEmailTitle', { subject: fromEmail.email.subject || t('intake.noSubject') })}
            </Text>
          }
          data-testid="from-email"
        >
          <Group gap="sm" justify="space-between">
            <Text size="sm">
              {t('intake.filledFrom', { fileName: fromEmail.fileName })}
              {filledFromEmail?.nameWrittenAs &&
                form.values.customerName === filledFromEmail.customerName &&
                ` ${t('intake.nameTurned', {
                  writtenAs: filledFromEmail.nameWrittenAs,
                  name: filledFromEmail.customerName,
                  title: filledFromEmail.title ? t(`model.title.${filledFromEmail.title}`) : NO_TITLE,
                })}`}
              {!emailReceivedOn(fromEmail.email, { today: todayIso(), timeZone: deskTimeZone() }).fromEmail &&
                ` ${t('intake.emailUndated')}`}
              {keptFromEmail.length > 0 &&
                ` ${t('intake.keptTyped', {
                  fields: new Intl.ListFormat(intl.locale, { type: 'conjunction' }).format(
                    keptFromEmail.map((f) => t(EMAIL_FIELD_LABELS[f])),
                  ),
                })}`}
            </Text>
            <Group gap="xs">
              {fromEmail.email.subject.length > LONG_SUBJECT_CHARS && (
                <Button
                  size="xs"
                  variant="subtle"
                  aria-expanded={subjectShown}
                  onClick={() => setSubjectShown((s) => !s)}
                >
                  {subjectShown ? t('intake.subjectShorter') : t('intake.subjectWhole')}
                </Button>
              )}
              <Button size="xs" variant="light" onClick={() => setEmailShown(true)}>
                {t('intake.showEmail')}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      {quotedCases.length > 0 && (
        <Alert color="yellow" variant="light" role="status" title={t('intake.quotesCase')} data-testid="quoted-cases">
          <Stack gap={4}>
            {quotedCases.map((c) => (
              <Text size="sm" key={c.caseId}>
                <Anchor
                  href={`#/cases/${c.caseId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/cases/${c.caseId}`);
                  }}
                >
                  {c.reference}
                </Anchor>
                {` — ${c.customerName} (${t(`model.status.${c.status}`)})`}
              </Text>
            ))}
            <Text size="sm">{t('intake.quotesCaseText', { count: quotedCases.length })}</Text>
          </Stack>
        </Alert>
      )}
      <Modal opened={emailShown} onClose={() => setEmailShown(false)} title={t('intake.emailPreview')} size="xl">
        {fromEmail && <EmailView email={fromEmail.email} />}
      </Modal>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={t('intake.title')}>
        <Stack gap="md">
          <DraftOffer draft={draft} />
          <Fieldset legend={t('intake.complaint')}>
            {providers.length > 1 && (
              <Select
                label={t('intake.provider')}
                description={provider ? t('intake.providerHint', { company: provider.company.name }) : undefined}
                data={providers.map((p) => ({ value: p.id, label: p.name }))}
                value={providerId}
                onChange={(v) => v && setChosenProvider(v)}
                allowDeselect={false}
                required
                mb="sm"
              />
            )}
            {provider && retiredProcedure && (
              <Alert color="yellow" variant="light" mb="sm" role="status" data-procedure-retired>
                {t('intake.procedureRetired', { provider: provider.name, procedure: retiredProcedure })}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateField label={t('intake.received')} maxDate={today} required {...field('receivedOn')} />
              <Select
                label={t('intake.channel')}
                placeholder={t('intake.channelHint')}
                data={CHANNELS.map((c) => ({ value: c, label: t(`model.channel.${c}`) }))}
                required
                {...field('channel')}
              />
              <Select
                label={t('intake.category')}
                placeholder={t('intake.categoryHint')}
                data={CATEGORIES.map((c) => ({ value: c, label: t(`model.category.${c}`) }))}
                required
                {...field('category')}
              />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t('intake.summary')}
              description={t('intake.summaryHint')}
              autosize
              minRows={3}
              required
              {...field('summary')}
            />
          </Fieldset>
          <Fieldset legend={t('intake.customer')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('intake.name')} required {...field('customerName')} />
              <Select
                label={t('intake.customerTitle')}
                description={t('intake.titleHint')}
                placeholder={t('intake.titleNone')}
                data={CUSTOMER_TITLES.map((title) => ({ value: title, label: t(`model.title.${title}`) }))}
                clearable
                {...field('title')}
                // None is '' in the form; Mantine shows the last title chosen for a value it has no option for, so a
                // title an earlier email set and the next one cleared stayed on screen (explore39-letters #6).
                value={form.values.title || null}
              />
              <TextInput label={t('intake.account')} {...field('accountNumber')} />
              <Textarea
                label={t('intake.address')}
                description={t('settings.addressHint', { lines: ADDRESS_MAX_LINES, chars: ADDRESS_LINE_MAX_CHARS })}
                autosize
                minRows={2}
                {...field('addressLines')}
              />
              <TextInput label={t('intake.postcode')} {...postcodeField('postcode')} />
              <TextInput label={t('intake.phone')} type="tel" {...field('phone')} />
              <TextInput label={t('intake.email')} type="email" {...field('email')} />
            </SimpleGrid>
            {postcodeCheck('postcode')}
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm" style={{ alignItems: 'start' }}>
              <Switch
                mt={form.values.isBusiness ? 30 : 0}
                label={t('intake.business')}
                description={t('intake.businessHint')}
                {...form.getInputProps('isBusiness', { type: 'checkbox' })}
              />
              {form.values.isBusiness && (
                <TextInput
                  label={t('intake.employees')}
                  description={t('intake.employeesHint')}
                  inputMode="numeric"
                  autoComplete="off"
                  maw={300}
                  {...field('employees')}
                />
              )}
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('intake.howToWrite')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ alignItems: 'end' }}>
              <Select
                label={t('intake.letterLanguage')}
                placeholder={t('intake.letterLanguageHint')}
                data={LETTER_LANGUAGES.map((l) => ({ value: l, label: t(`model.letterLanguage.${l}`) }))}
                clearable
                {...field('language')}
              />
              <Checkbox label={t('intake.largePrint')} {...form.getInputProps('largePrint', { type: 'checkbox' })} />
              <Checkbox label={t('intake.prefersPost')} {...form.getInputProps('prefersPost', { type: 'checkbox' })} />
            </SimpleGrid>
            {largePrintMisfits(form.values, letterRegion, form.values.language || provider?.defaultLanguage).map(
              (m, i) => (
                <Alert key={i} color="yellow" variant="light" mt="sm" role="status">
                  {t('intake.largePrintWindow', { ...m, region: letterRegion })}
                </Alert>
              ),
            )}
          </Fieldset>
          <Fieldset legend={t('intake.representative')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('intake.repName')} {...field('repName')} />
              <TextInput
                label={t('intake.relationship')}
                placeholder={t('intake.relationshipHint')}
                {...field('repRelationship')}
              />
              <Textarea
                label={t('intake.repAddress')}
                description={t('settings.addressHint', { lines: ADDRESS_MAX_LINES, chars: ADDRESS_LINE_MAX_CHARS })}
                autosize
                minRows={2}
                {...field('repAddressLines')}
              />
              <TextInput label={t('intake.repPostcode')} {...postcodeField('repPostcode')} />
            </SimpleGrid>
            {postcodeCheck('repPostcode')}
          </Fieldset>
          <Fieldset legend={t('intake.vulnerability')}>
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" c="dimmed" style={{ flex: '1 1 240px' }}>
                {t('intake.vulnerabilityText')}
              </Text>
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setVulnerabilityOpen((o) => !o)}
                aria-expanded={vulnerabilityOpen}
              >
                {vulnerabilityOpen ? t('intake.hide') : t('intake.addDetails')}
              </Button>
            </Group>
            <Collapse expanded={vulnerabilityOpen}>
              <Stack gap="sm" mt="sm">
                <Textarea
                  label={t('intake.vulnerabilityDetails')}
                  description={t('intake.vulnerabilityDetailsHint')}
                  autosize
                  minRows={2}
                  {...field('vulnerabilityDetails')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('intake.vulnerabilityReason')}
                    placeholder={t('intake.vulnerabilityReasonHint')}
                    data={VULNERABILITY_REASONS.map((r) => ({ value: r, label: t(`model.vulnerabilityReason.${r}`) }))}
                    clearable
                    {...field('vulnerabilityReason')}
                  />
                  <TextInput label={t('intake.vulnerabilityNote')} {...field('vulnerabilityNote')} />
                </SimpleGrid>
              </Stack>
            </Collapse>
          </Fieldset>
          <Group>
            <Button type="submit" loading={saving} disabled={!settings}>
              {t('intake.log')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('intake.referenceOnSaving')}
            </Text>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
