import type { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb.js';
import type { ProposedEvent } from './log-record.ts';
import { sharedPb } from './protocol.ts';

/** A stream name from its wire form (UTF-8 bytes). */
export const streamNameOf = (identifier: StreamIdentifier | undefined): string =>
  Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');

/** A stream identifier for a stream name. */
export const streamIdentifier = (streamName: string): StreamIdentifier =>
  new sharedPb.StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));

const hex = (value: bigint): string => BigInt.asUintN(64, value).toString(16).padStart(16, '0');

/** A UUID in lower-case text form, from either wire form. */
export const uuidText = (uuid: UUID | undefined): string => {
  if (uuid === undefined) return '';
  if (uuid.hasStructured()) {
    const structured = uuid.getStructured();
    const bits = `${hex(BigInt(structured?.getMostSignificantBits() ?? '0'))}${hex(BigInt(structured?.getLeastSignificantBits() ?? '0'))}`;
    return `${bits.slice(0, 8)}-${bits.slice(8, 12)}-${bits.slice(12, 16)}-${bits.slice(16, 20)}-${bits.slice(20)}`;
  }
  return uuid.getString().toLowerCase();
};

/** A UUID in the wire form the reader asked for (`string` or `structured`). */
export const uuidMessage = (text: string, structured: boolean): UUID => {
  const uuid = new sharedPb.UUID();
  if (!structured) return uuid.setString(text);
  const bits = text.replaceAll('-', '');
  const signed = (part: string): string => BigInt.asIntN(64, BigInt(`0x${part}`)).toString();
  return uuid.setStructured(
    new sharedPb.UUID.Structured()
      .setMostSignificantBits(signed(bits.slice(0, 16)))
      .setLeastSignificantBits(signed(bits.slice(16))),
  );
};

/** What every proposed message carries, in BatchAppend and Append alike. */
interface ProposedMessage {
  getId(): UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

/** A proposed event, or `undefined` when `type` or `content-type` is missing (the server refuses it). */
export const proposedEventOf = (message: ProposedMessage): ProposedEvent | undefined => {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined || contentType === undefined) return undefined;
  return {
    eventId: uuidText(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
};
