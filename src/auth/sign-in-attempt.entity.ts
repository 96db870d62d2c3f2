import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const SIGN_IN_OUTCOMES = ['pending', 'success', 'invalid_credentials', 'role_refused', 'throttled'] as const;
export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];

/**
 * Every sign-in attempt, as it was made (the name as typed, even unknown ones): the audit trail of sign-ins and
 * the counts behind the lockout. Inserted as `pending` before the password is checked, then given its outcome.
 */
@Entity('sign_in_attempts')
export class SignInAttempt {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  address: string;

  /** The user the name belongs to, when it does. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text' })
  outcome: SignInOutcome;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
