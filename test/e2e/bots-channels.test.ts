import { createHmac } from 'node:crypto';
import { cloudText, startFakeGraphApi } from '../fakes/whatsapp-graph-api';
import mongoose, { Types } from 'mongoose';
import { loadConfig } from '../../src/config';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { connectMongo } from '../../src/db/connect';
import { ReportMessageModel } from '../../src/db/models/report-message.model';
import { ReportModel } from '../../src/db/models/report.model';
import { createQueues, enqueue } from '../../src/queue/queues';
import { createRedis } from '../../src/redis';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { uniqueDatabaseUri } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { freePort, startProcess } from '../support/processes';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';

// `npm run bots`: every configured channel starts, and each one that is off says why, one line each.
describe('the bots process and its channels', () => {
  it('says which channels are off and why, serves the Cloud API webhook when it is configured, and sends staff replies there', async () => {
    const graph = await startFakeGraphApi();
    const port = await freePort();
    const dbUri = uniqueDatabaseUri('botschan');
    const prefix = uniquePrefix('botschan');
    const appSecret = 'app-secret-for-e2e-0123456789';
    const bots = startProcess('bots/main.ts', {
      BOTS_PORT: String(port), MONGODB_URI: dbUri, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix,
      LOG_LEVEL: 'info', TELEGRAM_BOT_TOKEN: '', WEBCHAT_ENABLED: 'false', WHATSAPP_ENABLED: 'true', CHROMIUM_PATH: '/nonexistent/chromium',
      WHATSAPP_CLOUD_PHONE_NUMBER_ID: graph.phoneNumberId, WHATSAPP_CLOUD_ACCESS_TOKEN: graph.accessToken,
      WHATSAPP_CLOUD_APP_SECRET: appSecret, WHATSAPP_CLOUD_VERIFY_TOKEN: 'verify-token-e2e-0123456', WHATSAPP_CLOUD_GRAPH_ROOT: graph.root,
    });
    try {
      await expectEventually(() => expect(bots.output()).toMatch(/"msg":"bots ready"/), 60_000);
      const lines = bots.output().split('\n').filter((l) => /"channel":/.test(l)).map((l) => JSON.parse(l).msg);
      expect(lines).toEqual([
        'telegram: off: TELEGRAM_BOT_TOKEN is not set',
        'webchat: off: WEBCHAT_ENABLED is false',
        'whatsapp: off: no Chromium at CHROMIUM_PATH (/nonexistent/chromium)',
        'whatsapp_cloud: on (webhook /whatsapp-cloud/webhook)',
      ]);
      expect((await fetch(`http://127.0.0.1:${port}/chat`)).status).toBe(404);

      const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: {
        messages: [{ from: '6281399999999', id: 'wamid.e2e1', timestamp: '1700000000', type: 'text', text: { body: 'halo' } }] } }] }] });
      const res = await fetch(`http://127.0.0.1:${port}/whatsapp-cloud/webhook`, {
        method: 'POST', body: raw,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}` },
      });
      expect(res.status).toBe(200);
      await expectEventually(() => expect(graph.sentTo('6281399999999').map(cloudText).join()).toMatch(/RAHASIA/));

      // A staff reply to this Cloud API reporter: the worker hands it to this process, which sends it while the
      // reporter's 24-hour window is open.
      await connectMongo(dbUri);
      const config = loadConfig();
      const cipher = createFieldCipher(config.crypto);
      const [reportId, messageId] = [new Types.ObjectId(), new Types.ObjectId()];
      const report = await ReportModel.create({
        _id: reportId, ticket: 'ADU-E2E0-CLD1', channel: 'whatsapp_cloud', reporterHash: 'h', anonymous: false, category: 'lainnya',
        replyAddress: cipher.encrypt('6281399999999', fieldOf(BOUND.reports, reportId, 'replyAddress')),
      });
      const message = await ReportMessageModel.create({
        _id: messageId, reportId: report._id, direction: 'out', by: 'u1', status: 'queued',
        text: cipher.encrypt('Kami sudah menerima laporan Anda.', fieldOf(BOUND.reportMessages, messageId, 'text')),
      });
      const connection = createRedis(TEST_REDIS_URL, { forBullWorker: true });
      const queues = createQueues(connection, prefix, ['bots']);
      await enqueue(queues, 'channel_reply', { reportId: report.id, messageId: message.id });
      await expectEventually(() => expect(graph.sentTo('6281399999999').map(cloudText)).toContain('Kami sudah menerima laporan Anda.'));
      await expectEventually(async () => expect((await ReportMessageModel.findById(message._id).lean())?.status).toBe('sent'));
      await queues.bots!.close();
      connection.disconnect();
      await mongoose.disconnect();

      expect(bots.output()).not.toContain(appSecret);
      expect(bots.output()).not.toContain(graph.accessToken);
    } finally {
      bots.child.kill('SIGTERM');
      const code = await bots.exited;
      if (code !== 0) console.log(bots.output().slice(-3000));
      expect(code).toBe(0);
      await graph.close();
    }
  });
});
