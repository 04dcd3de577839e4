import { freshIv } from '../../src/crypto/field-cipher';

// IVs come from a pool of random bytes refilled whole: each one is fresh, none repeats, across refills too.
it('gives 12 new random bytes each time, none repeated over several refills of the pool', () => {
  const ivs = Array.from({ length: 2_000 }, () => freshIv());
  expect(ivs.every((iv) => iv.length === 12)).toBe(true);
  expect(new Set(ivs.map((iv) => iv.toString('hex'))).size).toBe(ivs.length);
});

it('an IV handed out is its own copy: later refills of the pool do not change it', () => {
  const iv = freshIv();
  const before = iv.toString('hex');
  // 341 IVs fill the pool once: this refills it at least twice over the bytes the first IV came from.
  for (let i = 0; i < 1_000; i++) freshIv();
  expect(iv.toString('hex')).toBe(before);
});
