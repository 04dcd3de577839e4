// Error messages only: an error object may carry the update, document or message that failed, with personal data in it.
export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : 'unknown error';
}
