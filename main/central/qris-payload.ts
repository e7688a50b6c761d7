// The QRIS payload string: EMVCo Merchant-Presented Mode TLV (id, 2-digit length, value) with a
// CRC-16/CCITT-FALSE at the end (tag 63), as Bank Indonesia's QRIS standard uses. Dynamic (point
// of initiation 12), amount in IDR, the QRIS id as the reference label. A few lines of TLV and a
// CRC; no library of this size and reach is worth a dependency.

export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new RangeError(`tag EMV tidak sah: ${id}`);
  if (value.length > 99) throw new RangeError(`nilai tag ${id} terlalu panjang`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), 4 uppercase hex digits */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

export interface QrisPayloadInput {
  qrisId: string;
  amount: number;
  billRef: string;
  merchantName: string;
  merchantCity: string;
  /** national merchant id (NMID) */
  nmid: string;
}

function ascii(text: string, max: number): string {
  return text.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').slice(0, max);
}

export function qrisPayload(input: QrisPayloadInput): string {
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('26', tlv('00', 'ID.CO.BANKDAERAH.WWW') + tlv('01', '9360000000000000000') + tlv('02', input.nmid) + tlv('03', 'UMI')) +
    tlv('51', tlv('00', 'ID.CO.QRIS.WWW') + tlv('02', input.nmid) + tlv('03', 'UMI')) +
    tlv('52', '9399') +
    tlv('53', '360') +
    tlv('54', String(input.amount)) +
    tlv('58', 'ID') +
    tlv('59', ascii(input.merchantName, 25)) +
    tlv('60', ascii(input.merchantCity, 15)) +
    tlv('62', tlv('01', ascii(input.billRef, 25)) + tlv('05', ascii(input.qrisId, 25)));
  const withCrcTag = `${body}6304`;
  return withCrcTag + crc16(withCrcTag);
}

/** parses a TLV string into [id, value] pairs (top level); throws on a malformed string */
export function parseTlv(text: string): [string, string][] {
  const out: [string, string][] = [];
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const len = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(len) || i + 4 + len > text.length) throw new RangeError(`TLV rusak di posisi ${i}`);
    out.push([id, text.slice(i + 4, i + 4 + len)]);
    i += 4 + len;
  }
  return out;
}
