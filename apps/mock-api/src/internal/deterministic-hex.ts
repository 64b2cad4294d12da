/**
 * Hex strings derived from a label, the same on every run and every runtime (no
 * `node:crypto`), so seeded ids are stable constants tests and demos can rely on.
 * Not a hash anyone should trust: it only has to spread labels apart.
 */
export function deterministicHex(label: string, length: number): string {
  // FNV-1a folds the label into 32 bits; xorshift32 then stretches it to any length.
  let state = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    state ^= label.charCodeAt(i);
    state = Math.imul(state, 0x01000193) >>> 0;
  }
  if (state === 0) state = 0x9e3779b9;
  let out = "";
  while (out.length < length) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out += state.toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
}

/** A version-4-looking UUID (dashed) derived from a label. */
export function deterministicUuid(label: string): string {
  const hex = deterministicHex(label, 32);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join("-");
}

/**
 * An id in the API's hashid form, `<prefix>_<12 hex>` (`cvm_`, `usr_`, `wks_`,
 * `kms_`, `prj_`: the contract's patterns), derived from a label.
 */
export function deterministicHashid(prefix: string, label: string): string {
  return `${prefix}_${deterministicHex(label, 12)}`;
}
