/**
 * A Yjs update (encoding v1) read without building it.
 *
 * `Y.decodeUpdate` and `Y.applyUpdate` allocate an object per struct and a
 * whole shared type per nested map or array before anything can look at the
 * size: one 7 MiB update of 600,000 nested maps costs hundreds of megabytes
 * of heap. This scanner walks the bytes once, allocates a few numbers per
 * struct, and refuses an update that breaks a limit before Yjs ever sees it.
 * It checks the shape only; whether the structs fit the document is decided
 * by applying the update to a scratch copy (updateGuard.ts).
 *
 * The v1 layout (yjs/src/utils/encoding.js, UpdateDecoderV1):
 *   update   = varUint(#clients) { varUint(#structs) varUint(client) varUint(clock) struct* }* deleteSet
 *   struct   = uint8(info) ( GC: varUint(len) | Skip: varUint(len) | item )
 *   item     = [origin id if info&128] [rightOrigin id if info&64]
 *              [if neither: varUint(1) string(rootKey) | varUint(0) id(parent); string(parentSub) if info&32]
 *              content by info&31
 *   deleteSet = varUint(#clients) { varUint(client) varUint(#ranges) { varUint(clock) varUint(len) }* }*
 */

export type UpdateLimits = {
  /** Structs (items, GC and skip ranges) in one update. */
  readonly maxStructs: number;
  /** Shared types (nested maps, arrays, texts, XML nodes) created by one update. */
  readonly maxTypes: number;
  /** How deep shared types may nest (a root type is depth 1). */
  readonly maxDepth: number;
  /** Distinct root type names one update may name. */
  readonly maxRootNames: number;
  /** How deep a plain JSON-like value may nest inside one item. */
  readonly maxValueDepth: number;
};

export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  maxStructs: 200_000,
  maxTypes: 20_000,
  maxDepth: 48,
  maxRootNames: 256,
  maxValueDepth: 64,
};

/** Why an update was refused; the close reason the client gets. */
export type RefusalReason = 'bad-update' | 'update-too-large';

export class UpdateRefused extends Error {
  readonly reason: RefusalReason;
  constructor(reason: RefusalReason, detail: string) {
    super(detail);
    this.name = 'UpdateRefused';
    this.reason = reason;
  }
}

/** Clocks and lengths beyond this are no client's real history, and would overflow exact arithmetic. */
const MAX_CLOCK = 2 ** 40;

const CONTENT_DELETED = 1;
const CONTENT_JSON = 2;
const CONTENT_BINARY = 3;
const CONTENT_STRING = 4;
const CONTENT_EMBED = 5;
const CONTENT_FORMAT = 6;
const CONTENT_TYPE = 7;
const CONTENT_ANY = 8;
const CONTENT_DOC = 9;
const SKIP = 10;
const GC = 0;

/** Shared type refs whose content also carries a node name (YXmlElement, YXmlHook). */
const TYPE_REFS_WITH_KEY = new Set([3, 5]);
const TYPE_REF_COUNT = 7;

/** Where an item's parent comes from. */
const PARENT_ROOT = 0;
const PARENT_ID = 1;
const PARENT_INHERITED = 2;

/** One item of the update, as far as nesting depth needs it. */
type ItemRecord = {
  readonly clock: number;
  readonly length: number;
  readonly isType: boolean;
  readonly parentKind: number;
  /** For PARENT_ID: the parent type's item; for PARENT_INHERITED: origin, else rightOrigin. */
  readonly refClient: number;
  readonly refClock: number;
  /** Depth of the parent type, once known (root = 0). */
  parentDepth: number;
};

export type UpdateShape = {
  readonly structs: number;
  readonly types: number;
  readonly deleteRanges: number;
  readonly rootNames: ReadonlySet<string>;
  /** Deepest type nesting the update creates, counting depth found in the document. */
  readonly maxDepth: number;
  /** Clients whose structs the update carries, with the clock range it covers. */
  readonly ranges: ReadonlyMap<number, { readonly from: number; readonly to: number }>;
};

/**
 * How deep the shared type created by the item with this id sits in the
 * document (a root type's child is 1), or null when the document lacks it.
 */
export type DepthLookup = (client: number, clock: number) => number | null;

class Reader {
  pos = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  fail(detail: string): never {
    throw new UpdateRefused('bad-update', `${detail} at byte ${this.pos}`);
  }

  uint8(): number {
    if (this.pos >= this.bytes.length) this.fail('unexpected end');
    return this.bytes[this.pos++] as number;
  }

  varUint(): number {
    let value = 0;
    let multiplier = 1;
    for (let shift = 0; shift < 8; shift++) {
      const byte = this.uint8();
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) this.fail('integer out of range');
        return value;
      }
      multiplier *= 128;
    }
    return this.fail('integer out of range');
  }

  skipVarInt(): void {
    for (let i = 0; i < 10; i++) if (this.uint8() < 0x80) return;
    this.fail('integer out of range');
  }

  skip(count: number): void {
    if (count > this.bytes.length - this.pos) this.fail('length beyond the end');
    this.pos += count;
  }

  /** A length-prefixed byte run (strings, buffers): skipped, its length returned. */
  skipBytes(): number {
    const length = this.varUint();
    this.skip(length);
    return length;
  }

  string(): string {
    const length = this.varUint();
    const start = this.pos;
    this.skip(length);
    return new TextDecoder().decode(this.bytes.subarray(start, start + length));
  }

  /** A count that announces at least `minBytesEach` bytes per entry: bounded by what is left. */
  count(minBytesEach: number): number {
    const value = this.varUint();
    if (value * minBytesEach > this.bytes.length - this.pos) this.fail('count beyond the end');
    return value;
  }
}

/** lib0's readAny, skipped without building the value; nesting is bounded. */
function skipAny(reader: Reader, maxDepth: number): void {
  // An explicit stack of entries left to read, so a deep value cannot overflow the call stack.
  const remaining: number[] = [1];
  const keyed: boolean[] = [false];
  while (remaining.length > 0) {
    const top = remaining.length - 1;
    if ((remaining[top] as number) === 0) {
      remaining.pop();
      keyed.pop();
      continue;
    }
    remaining[top] = (remaining[top] as number) - 1;
    if (keyed[top]) reader.skipBytes();
    const type = reader.uint8();
    switch (type) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        break;
      case 125:
        reader.skipVarInt();
        break;
      case 124:
        reader.skip(4);
        break;
      case 123:
      case 122:
        reader.skip(8);
        break;
      case 119: // string
      case 116: // Uint8Array
        reader.skipBytes();
        break;
      case 118: // object: key + value per entry
      case 117: {
        // array
        if (remaining.length >= maxDepth) reader.fail('value nested too deeply');
        remaining.push(reader.count(type === 118 ? 2 : 1));
        keyed.push(type === 118);
        break;
      }
      default:
        reader.fail(`unknown value type ${type}`);
    }
  }
}

function checkClock(reader: Reader, clock: number): void {
  if (clock > MAX_CLOCK) reader.fail('clock out of range');
}

/** Binary search for the record covering `clock`. */
function findRecord(records: readonly ItemRecord[], clock: number): ItemRecord | null {
  let low = 0;
  let high = records.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const record = records[mid] as ItemRecord;
    if (clock < record.clock) high = mid - 1;
    else if (clock >= record.clock + record.length) low = mid + 1;
    else return record;
  }
  return null;
}

const UNKNOWN = -1;
const IN_PROGRESS = -2;

/**
 * Reads the update's shape and refuses it (UpdateRefused) when it is not a
 * well-formed v1 update or breaks a limit. `depthInDocument` looks up items
 * the update refers to but does not carry, so nesting is bounded across
 * updates too.
 */
export function scanUpdate(
  bytes: Uint8Array,
  limits: UpdateLimits,
  depthInDocument: DepthLookup = () => null,
): UpdateShape {
  const reader = new Reader(bytes);
  const records = new Map<number, ItemRecord[]>();
  const ranges = new Map<number, { from: number; to: number }>();
  const rootNames = new Set<string>();
  let structs = 0;
  let types = 0;

  const clientCount = reader.count(3);
  for (let c = 0; c < clientCount; c++) {
    const structCount = reader.count(2);
    const client = reader.varUint();
    let clock = reader.varUint();
    checkClock(reader, clock);
    structs += structCount;
    if (structs > limits.maxStructs) {
      throw new UpdateRefused('update-too-large', `more than ${limits.maxStructs} structs`);
    }
    if (ranges.has(client)) reader.fail(`client ${client} listed twice`);
    const from = clock;
    let list = records.get(client);
    if (!list) {
      list = [];
      records.set(client, list);
    }
    for (let s = 0; s < structCount; s++) {
      const info = reader.uint8();
      const kind = info & 0x1f;
      if (kind === GC || kind === SKIP) {
        const length = reader.varUint();
        if (length === 0) reader.fail('empty struct');
        clock += length;
        checkClock(reader, clock);
        continue;
      }
      let refClient = 0;
      let refClock = 0;
      let parentKind = PARENT_INHERITED;
      if (info & 0x80) {
        refClient = reader.varUint();
        refClock = reader.varUint();
      }
      if (info & 0x40) {
        const rightClient = reader.varUint();
        const rightClock = reader.varUint();
        if (!(info & 0x80)) {
          refClient = rightClient;
          refClock = rightClock;
        }
      }
      if ((info & 0xc0) === 0) {
        if (reader.varUint() === 1) {
          parentKind = PARENT_ROOT;
          rootNames.add(reader.string());
          if (rootNames.size > limits.maxRootNames) {
            throw new UpdateRefused('update-too-large', `more than ${limits.maxRootNames} roots`);
          }
        } else {
          parentKind = PARENT_ID;
          refClient = reader.varUint();
          refClock = reader.varUint();
        }
        if (info & 0x20) reader.skipBytes();
      }
      let length = 1;
      let isType = false;
      switch (kind) {
        case CONTENT_DELETED:
          length = reader.varUint();
          break;
        case CONTENT_JSON:
        case CONTENT_ANY: {
          length = reader.count(1);
          for (let i = 0; i < length; i++) {
            if (kind === CONTENT_JSON) reader.skipBytes();
            else skipAny(reader, limits.maxValueDepth);
          }
          break;
        }
        case CONTENT_BINARY:
        case CONTENT_EMBED:
          reader.skipBytes();
          break;
        case CONTENT_FORMAT:
          reader.skipBytes();
          reader.skipBytes();
          break;
        case CONTENT_STRING: {
          // Yjs counts a string's length in UTF-16 code units.
          length = reader.string().length;
          break;
        }
        case CONTENT_TYPE: {
          const typeRef = reader.varUint();
          if (typeRef >= TYPE_REF_COUNT) reader.fail(`unknown type ${typeRef}`);
          if (TYPE_REFS_WITH_KEY.has(typeRef)) reader.skipBytes();
          isType = true;
          types += 1;
          if (types > limits.maxTypes) {
            throw new UpdateRefused('update-too-large', `more than ${limits.maxTypes} types`);
          }
          break;
        }
        case CONTENT_DOC:
          // Leskring uses no subdocuments; each would be a whole Y.Doc on the server.
          reader.fail('subdocuments are not accepted');
          break;
        default:
          reader.fail(`unknown content ${kind}`);
      }
      if (length === 0) reader.fail('empty item');
      list.push({ clock, length, isType, parentKind, refClient, refClock, parentDepth: UNKNOWN });
      clock += length;
      checkClock(reader, clock);
    }
    ranges.set(client, { from, to: clock });
  }

  const rangeClients = reader.count(2);
  let deleteRanges = 0;
  for (let c = 0; c < rangeClients; c++) {
    reader.varUint();
    const count = reader.count(2);
    deleteRanges += count;
    if (deleteRanges > limits.maxStructs) {
      throw new UpdateRefused('update-too-large', `more than ${limits.maxStructs} deletions`);
    }
    for (let i = 0; i < count; i++) {
      checkClock(reader, reader.varUint());
      checkClock(reader, reader.varUint());
    }
  }
  if (reader.pos !== bytes.length) reader.fail('trailing bytes');

  const maxDepth = deepestType(records, limits.maxDepth, depthInDocument);
  return { structs, types, deleteRanges, rootNames, maxDepth, ranges };
}

/**
 * The deepest nesting of a type the update creates. Resolved iteratively
 * (an explicit stack), since one update may chain 100,000 items.
 */
function deepestType(
  records: ReadonlyMap<number, ItemRecord[]>,
  maxDepth: number,
  depthInDocument: DepthLookup,
): number {
  let deepest = 0;
  const stack: ItemRecord[] = [];

  /** Depth of the parent of `record`, or UNKNOWN while a dependency must be resolved first (pushed). */
  function step(record: ItemRecord): number {
    if (record.parentKind === PARENT_ROOT) return 0;
    const inUpdate = findRecord(records.get(record.refClient) ?? [], record.refClock);
    if (record.parentKind === PARENT_ID) {
      if (inUpdate === null) return depthInDocument(record.refClient, record.refClock) ?? 0;
      if (!inUpdate.isType) return 0; // Yjs turns an item under a non-type into GC
      if (inUpdate.parentDepth >= 0) return inUpdate.parentDepth + 1;
    } else {
      if (inUpdate === null) {
        const depth = depthInDocument(record.refClient, record.refClock);
        // The sibling's depth is that of its parent type.
        return depth === null ? 0 : Math.max(0, depth - 1);
      }
      if (inUpdate.parentDepth >= 0) return inUpdate.parentDepth;
    }
    if (inUpdate.parentDepth === IN_PROGRESS) {
      throw new UpdateRefused('bad-update', 'items refer to each other in a cycle');
    }
    inUpdate.parentDepth = IN_PROGRESS;
    stack.push(inUpdate);
    return UNKNOWN;
  }

  for (const list of records.values()) {
    for (const record of list) {
      if (record.parentDepth >= 0) continue;
      record.parentDepth = IN_PROGRESS;
      stack.push(record);
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as ItemRecord;
        const depth = step(top);
        if (depth === UNKNOWN) continue;
        top.parentDepth = depth;
        stack.pop();
        const own = top.isType ? depth + 1 : depth;
        if (own > deepest) deepest = own;
        if (deepest > maxDepth) {
          throw new UpdateRefused('update-too-large', `types nested deeper than ${maxDepth}`);
        }
      }
    }
  }
  return deepest;
}
