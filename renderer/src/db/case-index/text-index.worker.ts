// Builds the search's trigram index and its one- and two-character sets (./text-index.ts) off the page's thread:
// receives the joined text and the rows' starts, answers with their typed arrays (moved, not copied). One request per worker; the page ends it after.
import { gramsOf, type GramsReply, type GramsRequest } from './text-index';

self.onmessage = (event: MessageEvent<GramsRequest>) => {
  let reply: GramsReply;
  try {
    reply = gramsOf(event.data.haystack, event.data.starts);
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e) };
  }
  const transfer =
    'error' in reply
      ? []
      : [reply.offsets, reply.rows, ...Object.values(reply.shorts)].map(
          (array: { buffer: ArrayBuffer }) => array.buffer,
        );
  (self as unknown as Worker).postMessage(reply, transfer);
};
