import { Article } from '../articles/article.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { Session } from '../auth/session.entity.js';
import { SignInAttempt } from '../auth/sign-in-attempt.entity.js';
import { User } from '../auth/user.entity.js';
import { Claim } from '../claims/claim.entity.js';
import { ReviewTask } from '../review/review-task.entity.js';
import { Source } from '../sources/source.entity.js';
import { Verdict } from '../verdicts/verdict.entity.js';

export const ENTITIES = [User, ApiToken, Article, Claim, ReviewTask, Source, Verdict, AuditEvent, Session, SignInAttempt];
