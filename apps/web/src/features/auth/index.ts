export { authKeys, useMe } from './api/get-me';
export { LoginForm } from './components/login-form';
export { RequireAuth } from './components/require-auth';
export { UserMenu } from './components/user-menu';
export { useCurrentUser } from './hooks/use-current-user';
export type { Role, User } from './types';
