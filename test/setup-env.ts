// Fixed test keys (never used outside tests) and quiet logs, unless the runner's environment says otherwise.
process.env.NODE_ENV ??= 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
process.env.LOOKUP_HASH_KEY ??= Buffer.alloc(32, 9).toString('base64');
process.env.SESSION_SECRET ??= 'test-session-secret-test-session-secret';
