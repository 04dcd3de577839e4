import { queueReplies } from '../../../bots/whatsapp/send-reply';
import { createQueues } from '../../../src/queue/queues';
import { createRedis } from '../../../src/redis';
import { sealedJobField } from '../../../src/crypto/encrypted-fields';
import { createIntakeHarness } from '../../support/intake';

// Outbound WhatsApp messages: paced per chat by their delay, sealed in Redis, urgent ones first and on their own.
const harness = createIntakeHarness('waqueue');
const connection = createRedis(harness.config.redis.url, { forBullWorker: true });
const queues = createQueues(connection, harness.prefix, ['whatsapp']);
const outbox = { queues, redis: harness.redis, cipher: harness.cipher, hasher: harness.hasher, prefix: harness.prefix, perChatPerMinute: 30, now: () => 1_800_000_000_000 };

afterAll(async () => {
  await queues.whatsapp!.obliterate({ force: true });
  await queues.whatsapp!.close();
  connection.disconnect();
  await harness.close();
});

it('spaces messages to one chat by 60/perChatPerMinute seconds, leaves other chats alone, and stores no plaintext', async () => {
  await queueReplies(outbox, '628111@c.us', [
    { text: 'Pertanyaan berikut', options: [{ label: 'Ya', value: 'x:yes' }, { label: 'Tidak', value: 'x:no' }] },
    { text: 'SEGERA hubungi 112', urgent: true },
  ]);
  await queueReplies(outbox, '628111@c.us', [{ text: 'Nama anak: Sari' }]);
  await queueReplies(outbox, '628222@c.us', [{ text: 'Halo' }]);

  const jobs = (await queues.whatsapp!.getJobs(['waiting', 'delayed'])).sort((a, b) => a.opts.delay! - b.opts.delay!);
  const open = (data: { messageId: string; sealed: string }) => JSON.parse(harness.cipher.decrypt(data.sealed, sealedJobField(data.messageId))) as { chatId: string; text: string };
  const toFirst = jobs.filter((j) => open(j.data).chatId === '628111@c.us');
  expect(toFirst.map((j) => open(j.data).text)).toEqual(['SEGERA hubungi 112', 'Pertanyaan berikut\n\n1. Ya\n2. Tidak', 'Nama anak: Sari']);
  // On a stopped clock: the chat's slots are 2 s apart, the other chat's first message goes at once.
  expect(toFirst.map((j) => j.opts.delay)).toEqual([0, 2000, 4000]);
  expect(jobs.find((j) => open(j.data).chatId === '628222@c.us')!.opts.delay).toBe(0);

  const stored = JSON.stringify(await harness.redis.hgetall(`${harness.prefix}:whatsapp:${toFirst[2]!.id}`));
  expect(stored).not.toContain('Sari');
  expect(stored).not.toContain('628111');
});
