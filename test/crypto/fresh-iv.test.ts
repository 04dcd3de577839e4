import { freshIv } from '../../src/crypto/field-cipher';

// IVs come from a pool of random bytes refilled whole: each one is fresh, none repeats, across refills too.
it('gives 12 new random bytes each time, none repeated over several refills of the pool, none changed afterwards', () => {
  const ivs = Array.from({ length: 2_000 }, () => freshIv());
  const copies = ivs.map((iv) => iv.toString('hex'));
  expect(ivs.every((iv) => iv.length === 12)).toBe(true);
  expect(new Set(copies).size).toBe(ivs.length);
  freshIv();
  // A refill does not reach into an IV already handed out.
  expect(ivs.map((iv) => iv.toString('hex'))).toEqual(copies);
});
