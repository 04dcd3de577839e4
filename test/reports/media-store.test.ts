import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { createFolderMediaStore } from '../../src/reports/media-store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-media-store-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const store = createFolderMediaStore(dir, createFieldCipher(loadConfig().crypto));

describe('folder media store', () => {
  it('keeps files encrypted on disk, gives them back, and removes them', async () => {
    const plain = Buffer.from('%PDF-1.7 surat keterangan dokter untuk anak');
    const key = await store.put(plain);
    const onDisk = fs.readFileSync(path.join(dir, key));
    expect(onDisk.includes(Buffer.from('surat keterangan'))).toBe(false);
    expect(await store.get(key)).toEqual(plain);
    await store.remove(key);
    expect(fs.existsSync(path.join(dir, key))).toBe(false);
  });
  it('refuses a storage key that is not one of its own (no reading outside its folder)', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid media storage key/);
    await expect(store.remove('/etc/hosts')).rejects.toThrow(/invalid media storage key/);
  });
});
