import * as encoding from 'lib0/encoding';

/**
 * Hocuspocus v4 client messages, byte for byte, for raw clients in tests and
 * benchmarks: varString(document) varUint(type) …, with types Sync 0
 * (SyncStep1 0 / Update 2 + varUint8Array) and Auth 2 (Token 0 + varString).
 */
function message(
  documentName: string,
  write: (encoder: encoding.Encoder) => void,
): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return new Uint8Array(encoding.toUint8Array(encoder));
}

export function authMessage(documentName: string, token: string): Uint8Array<ArrayBuffer> {
  return message(documentName, (encoder) => {
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarString(encoder, token);
  });
}

export function updateMessage(documentName: string, update: Uint8Array): Uint8Array<ArrayBuffer> {
  return message(documentName, (encoder) => {
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

export function syncStep1Message(
  documentName: string,
  stateVector: Uint8Array,
): Uint8Array<ArrayBuffer> {
  return message(documentName, (encoder) => {
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint8Array(encoder, stateVector);
  });
}
