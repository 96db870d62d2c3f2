// Temporary: POST /v1/users and /v1/users/:id/reset-password land with the sessions branch (h1); then these come from the generated client.
import { client } from '../api/client';
import type { UserDto } from '../api/generated/types.gen';

/** UserDto with the desk sign-in fields the sessions branch adds. */
export type DeskUser = UserDto & Partial<{ hasPassword: boolean; mustChangePassword: boolean; lastSignInAt: string | null; activeSessions: number }>;

export const createUser = async (o: { body: { name: string; role: 'admin' | 'approver' | 'editor' } }) =>
  (await client.post<{ 201: { user: DeskUser; oneTimePassword: string } }, unknown, true>({
    url: '/v1/users', body: o.body, headers: { 'Content-Type': 'application/json' },
  })).data;

export const resetUserPassword = async (o: { path: { id: string } }) =>
  (await client.post<{ 200: { oneTimePassword: string } }, unknown, true>({ url: `/v1/users/${encodeURIComponent(o.path.id)}/reset-password` })).data;
