/** A user operation refused for a reason the administrator can fix or must know (a flash message, never a crash). */
export class UserError extends Error {}
