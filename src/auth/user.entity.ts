import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['admin', 'editor', 'approver', 'consumer'] as const;
export type Role = (typeof ROLES)[number];
/** The roles that can sign in to the desk (consumers are machines: bearer tokens only). */
export const DESK_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'consumer');

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  /** Set: every token of this user is refused (401); their history stays. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** argon2id (PHC string); null: the user cannot sign in to the desk (e.g. a machine user with tokens only). */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** Set with a one-time password (created or reset by an admin): the desk asks for a new one before anything else. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;
}
