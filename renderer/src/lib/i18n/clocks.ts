// The rules engine's clock labels (shared/rules: "Acknowledgement", "First response (phone)", "ADR letter"…) in the
// interface language. The engine and the case index keep the English label (it is also the desk's record); a label a
// procedure names itself (a stage's name) is shown as the procedure writes it.
import { CHANNEL_LABELS, CHANNELS } from '#shared/model/case';
import { clockWordOf } from '#shared/rules/index';
import type { MessageKey } from './messages/en-GB';
import { builtInWordsIn } from './built-in-procedures';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * A clock label the engine writes (shared/rules/words.ts) in the interface language; any other as it is. With `locale`,
 * a built-in procedure's stage named in it is said in that language too (builtInWordsIn).
 */
export function clockLabel(t: T, label: string, locale?: string): string {
  const found = clockWordOf(label);
  if (!found) return label;
  const values: Record<string, string> = Object.fromEntries(
    Object.entries(found.values).map(([k, v]) => [k, locale ? builtInWordsIn(locale, v) : v]),
  );
  if (found.word === 'firstResponse') {
    const channel = CHANNELS.find((c) => CHANNEL_LABELS[c].toLowerCase() === values.channel);
    if (channel) values.channel = t(`model.channel.${channel}` as MessageKey).toLowerCase();
  }
  return t(`clock.${found.word}`, values);
}
