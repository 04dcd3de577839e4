import { can } from '../permissions';

/** Where a user lands after sign-in: the page of their daily work. */
export function homeFor(role: string): string {
  if (can(role, 'intake.view')) return '/intake';
  if (can(role, 'case.list')) return '/cases';
  if (can(role, 'user.manage')) return '/users';
  return '/password';
}
