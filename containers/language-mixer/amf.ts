/** AMF0, the value encoding of RTMP commands: only the types a publisher sends or reads. */
export type AmfValue = number | boolean | string | null | undefined | AmfObject | AmfValue[];
export interface AmfObject {
  [key: string]: AmfValue;
}

function str(s: string): Buffer {
  const b = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(b.length);
  return Buffer.concat([len, b]);
}

export function encodeAmf(...values: AmfValue[]): Buffer {
  return Buffer.concat(values.map(encodeOne));
}

function encodeOne(v: AmfValue): Buffer {
  if (typeof v === 'number') {
    const b = Buffer.alloc(9);
    b.writeUInt8(0x00);
    b.writeDoubleBE(v, 1);
    return b;
  }
  if (typeof v === 'boolean') return Buffer.from([0x01, v ? 1 : 0]);
  if (typeof v === 'string') return Buffer.concat([Buffer.from([0x02]), str(v)]);
  if (v === null) return Buffer.from([0x05]);
  if (v === undefined) return Buffer.from([0x06]);
  if (Array.isArray(v)) {
    const n = Buffer.alloc(5);
    n.writeUInt8(0x0a);
    n.writeUInt32BE(v.length, 1);
    return Buffer.concat([n, ...v.map(encodeOne)]);
  }
  const parts: Buffer[] = [Buffer.from([0x03])];
  for (const [k, val] of Object.entries(v)) parts.push(str(k), encodeOne(val));
  parts.push(Buffer.from([0x00, 0x00, 0x09]));
  return Buffer.concat(parts);
}

/** Every value in `buf`, in order; stops quietly at a type it does not know. */
export function decodeAmf(buf: Buffer): AmfValue[] {
  const out: AmfValue[] = [];
  let pos = 0;
  const readStr = (): string => {
    const n = buf.readUInt16BE(pos);
    const s = buf.toString('utf8', pos + 2, pos + 2 + n);
    pos += 2 + n;
    return s;
  };
  const readProps = (): AmfObject => {
    const o: AmfObject = {};
    while (pos + 3 <= buf.length) {
      if (buf.readUIntBE(pos, 3) === 0x000009) {
        pos += 3;
        break;
      }
      const k = readStr();
      o[k] = readOne();
    }
    return o;
  };
  const readOne = (): AmfValue => {
    const t = buf.readUInt8(pos++);
    switch (t) {
      case 0x00: {
        const n = buf.readDoubleBE(pos);
        pos += 8;
        return n;
      }
      case 0x01:
        return buf.readUInt8(pos++) !== 0;
      case 0x02:
        return readStr();
      case 0x03:
        return readProps();
      case 0x05:
        return null;
      case 0x06:
        return undefined;
      case 0x08:
        pos += 4;
        return readProps();
      case 0x0a: {
        const n = buf.readUInt32BE(pos);
        pos += 4;
        return Array.from({ length: n }, readOne);
      }
      case 0x0c: {
        const n = buf.readUInt32BE(pos);
        const s = buf.toString('utf8', pos + 4, pos + 4 + n);
        pos += 4 + n;
        return s;
      }
      default:
        throw new RangeError(`AMF0 type 0x${t.toString(16)}`);
    }
  };
  try {
    while (pos < buf.length) out.push(readOne());
  } catch {
    // A value we do not read (date, XML): what came before is all a publisher needs.
  }
  return out;
}
