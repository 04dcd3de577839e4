/**
 * A job that cannot do its work yet, for a reason that passes on its own (a chat in its pause, a record held by a
 * writer that died): the worker puts it back for `waitMs` without spending one of its attempts.
 */
export class ComeBackLater extends Error {
  constructor(readonly waitMs: number, message = `come back in ${waitMs} ms`) {
    super(message);
  }
}
