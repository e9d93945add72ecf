/**
 * Large buffers mapped outside the C allocator (mappedMemory.ts): the right size, zero-filled, resized with their
 * contents, an ordinary buffer where the system refuses the mapping; and a file written through the large-text path
 * of writeFileAtomic holds exactly the UTF-8 of what was written.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../electron/core/store/durableFiles';
import { MAPPED_FROM, mappedArray, mappedArrayBuffer, mappedBuffer, resized } from '../../electron/core/store/mappedMemory';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('mapped memory', () => {
  it('gives zero-filled buffers of the size asked, mapped from MAPPED_FROM bytes on', () => {
    for (const bytes of [0, 10, MAPPED_FROM - 1, MAPPED_FROM, MAPPED_FROM + 12_345, 3 * MAPPED_FROM]) {
      const b = mappedBuffer(bytes);
      expect(b.length).toBe(bytes);
      expect(b.every((x) => x === 0)).toBe(true);
      b.fill(7);
      expect(b[bytes - 1]).toBe(bytes > 0 ? 7 : undefined);
    }
    const memory = vi.spyOn(WebAssembly, 'Memory');
    mappedArrayBuffer(MAPPED_FROM - 1);
    expect(memory).not.toHaveBeenCalled();
    mappedArrayBuffer(MAPPED_FROM);
    expect(memory).toHaveBeenCalledTimes(1);
  });

  it('falls back to an ordinary buffer when the mapping is refused', () => {
    vi.spyOn(WebAssembly, 'Memory').mockImplementation(() => {
      throw new RangeError('WebAssembly.Memory(): could not allocate memory');
    });
    const b = mappedArray(Float64Array, MAPPED_FROM);
    expect(b.length).toBe(MAPPED_FROM);
    expect(b.buffer.byteLength).toBe(MAPPED_FROM * 8);
  });

  it('resized arrays keep their values, grown or cut', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 300 }), fc.nat(600), (values, length) => {
        const from = Float64Array.from(values);
        const to = resized(from, length);
        expect(to).toBeInstanceOf(Float64Array);
        expect(to.length).toBe(length);
        expect([...to]).toEqual(Array.from({ length }, (_, i) => (i < values.length ? values[i] : 0)));
      }),
    );
    const big = resized(Uint32Array.from([1, 2, 3]), MAPPED_FROM);
    expect([big[0], big[2], big[3], big[MAPPED_FROM - 1]]).toEqual([1, 3, 0, 0]);
  });

  it('a file written in large pieces (the snapshot writer’s) holds exactly their UTF-8', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kefu-mapped-'));
    dirs.push(dir);
    // Chinese, emoji (surrogate pairs) and ASCII, in pieces far past the small-text path, of growing sizes.
    const unit = '客服工作台 ok 😀 退款 refund ';
    const pieces = [200_000, 10, 700_000, 1_500_000].map((n) => unit.repeat(Math.ceil(n / unit.length)));
    writeFileAtomic(dir, 'big.txt', (write) => pieces.forEach(write));
    const written = readFileSync(path.join(dir, 'big.txt'));
    const want = Buffer.from(pieces.join(''), 'utf8');
    expect(written.length).toBe(want.length);
    expect(written.equals(want)).toBe(true); // (toEqual compares 8 MB byte by byte for seconds)
  });
});
