/** A case operation refused for a reason the user can fix or must know (shown as 409/400, never a crash). */
export class CaseError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}
