// Temporary: the sign-in routes land with the sessions branch; then these come from the generated client.
import { client } from '../api/client';

export interface SessionDto {
  user: { id: string; name: string; role: string };
  csrfToken: string;
  mustChangePassword: boolean;
  expiresAt: string;
}

export const getSession = () => client.get<{ 200: SessionDto }, unknown, true>({ url: '/v1/auth/session' });
export const signIn = (o: { body: { name: string; password: string } }) =>
  client.post<{ 200: SessionDto }, unknown, true>({ url: '/v1/auth/sign-in', body: o.body, headers: { 'Content-Type': 'application/json' } });
export const signOut = () => client.post<{ 204: void }, unknown, true>({ url: '/v1/auth/sign-out' });
export const changePassword = (o: { body: { currentPassword: string; newPassword: string } }) =>
  client.post<{ 204: void }, unknown, true>({ url: '/v1/auth/password', body: o.body, headers: { 'Content-Type': 'application/json' } });
