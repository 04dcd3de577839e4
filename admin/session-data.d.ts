import 'express-session';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    sessionVersion?: number;
    csrfToken?: string;
    lang?: 'id' | 'en';
    /** Report id → epoch ms until which its personal fields stay revealed to this session. */
    revealed?: Record<string, number>;
    flash?: string;
  }
}
