/**
 * Large buffers and typed arrays mapped from the system by V8 (a WebAssembly.Memory) instead of taken from the C
 * allocator, so that freeing them never changes how malloc serves everything else.
 *
 * Why: glibc's malloc serves a block of 128 KiB or more with an mmap of its own and unmaps it when it is freed, but
 * each such free raises that threshold to the freed block's size (up to 32 MiB). At 50 000 conversations × 20 messages
 * the open freed a 16 MiB read buffer (the snapshot's line of message checksums is 8.6 MB long); from then on every
 * block under 16 MiB (the background read's pieces, the message slots as they grew, the search index's buffers) came
 * from malloc's heap, whose freed memory mostly stays with the process. Measured with the threshold pinned at 1 MiB
 * by MALLOC_MMAP_THRESHOLD_ (an environment variable: the process cannot set it for itself): settled RSS 609 MiB
 * against 673, and 672 against 775 MiB while the search index was built.
 * What mapping the store's own large buffers gave (docs/measurements.md): 14 MiB less at the first page, the settled
 * RSS within noise (each sign-in's scrypt frees a 16 MiB block inside OpenSSL, which raises the threshold anyway),
 * and ~650 MB fewer large blocks through malloc after the first page.
 *
 * A WebAssembly.Memory is reserved and mapped by V8 (10 GiB of address space each on 64-bit systems, only what is
 * touched is resident) and unmapped when collected. Where the system refuses the reservation (a low `ulimit -v`),
 * the allocator's ordinary buffers are used instead. Smaller sizes are left to malloc: their frees raise its
 * threshold to at most MAPPED_FROM bytes.
 */
export const MAPPED_FROM = 1 << 20;
const WASM_PAGE = 1 << 16;

/** `bytes` zero-filled bytes; mapped by V8 from MAPPED_FROM on. */
export function mappedArrayBuffer(bytes: number): ArrayBuffer {
  if (bytes >= MAPPED_FROM) {
    try {
      const pages = Math.ceil(bytes / WASM_PAGE);
      return new WebAssembly.Memory({ initial: pages, maximum: pages }).buffer;
    } catch {
      // the reservation refused: an ordinary buffer below
    }
  }
  return new ArrayBuffer(bytes);
}

export const mappedBuffer = (bytes: number): Buffer => Buffer.from(mappedArrayBuffer(bytes), 0, bytes);

type TypedArrayOf<T> = { new (buffer: ArrayBuffer, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

/** A typed array of `length` zeros (e.g. `mappedArray(Float64Array, n)`). */
export function mappedArray<T>(Kind: TypedArrayOf<T>, length: number): T {
  return new Kind(mappedArrayBuffer(length * Kind.BYTES_PER_ELEMENT), 0, length);
}

/** A copy of `from` in a new array of `length` (grown, or cut to size). */
export function resized<T extends Float64Array | Uint32Array | Uint8Array>(from: T, length: number): T {
  const Kind = from.constructor as unknown as TypedArrayOf<T>;
  const to = mappedArray(Kind, length);
  (to as Float64Array | Uint32Array | Uint8Array).set(from.length > length ? (from.subarray(0, length) as never) : (from as never));
  return to;
}
