// The rules engine's clock labels (shared/rules: "Acknowledgement", "First response (phone)", "ADR letter"…) in the
// interface language. The engine and the case index keep the English label (it is also the desk's record); a label a
// procedure names itself (a stage's name) is shown as the procedure writes it.
import { CHANNEL_LABELS, CHANNELS } from '#shared/model/case';
import type { MessageKey } from './messages/en-GB';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

const FIXED: Record<string, MessageKey> = {
  Acknowledgement: 'clock.acknowledgement',
  'ADR letter': 'clock.adrLetter',
  'ADR referral window': 'clock.adrReferralWindow',
  'CCTS response': 'clock.cctsResponse',
  'Final response': 'clock.finalResponse',
  'Data-protection complaint acknowledgement': 'clock.dataProtectionAcknowledgement',
  'Objection to CCTS acceptance': 'clock.cctsObjection',
  'Tell the customer about the CCTS': 'clock.cctsNotice',
  'Summary resolution': 'clock.summaryResolution',
  'Deadlock / 8-week letter': 'clock.deadlockLetter',
  'Financial Ombudsman referral window': 'clock.financialOmbudsmanReferralWindow',
  'Energy Ombudsman referral window': 'clock.energyOmbudsmanReferralWindow',
};

export function clockLabel(t: T, label: string): string {
  const fixed = FIXED[label];
  if (fixed) return t(fixed);
  const first = /^First response \((.+)\)$/.exec(label);
  if (first) {
    const channel = CHANNELS.find((c) => CHANNEL_LABELS[c].toLowerCase() === first[1]);
    return t('clock.firstResponse', {
      channel: channel ? t(`model.channel.${channel}` as MessageKey).toLowerCase() : first[1],
    });
  }
  const stage = /^Stage response \((.+)\)$/.exec(label);
  if (stage) return t('clock.stageResponse', { stage: stage[1] });
  return label;
}
