import { Body, Controller, Get, Header, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Public, Roles, SessionRoute, type Principal } from './auth.decorators.js';
import { clearSessionCookie, sessionSecret, setSessionCookie } from './session-cookie.js';
import { ChangePasswordDto, ListSignInAttemptsQuery, SessionDto, SignInAttemptPageDto, SignInDto } from './session.dto.js';
import { SessionsService } from './sessions.service.js';
import { SignInThrottle } from './sign-in-throttle.service.js';

type SessionPrincipal = Principal & { sessionId: string };

const clientAddress = (req: FastifyRequest) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/** People sign in to the desk here; the session lives in an httpOnly cookie, writes carry X-CSRF-Token. */
@ApiTags('auth')
@Controller('v1/auth')
export class SessionController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly attempts: SignInThrottle,
  ) {}

  @ApiOperation({
    operationId: 'signIn',
    summary: 'Sign in to the desk with name and password (sets the session cookie)',
    description:
      'Sets the httpOnly cookie claimcheck_session. Failed sign-ins are counted per name and per client address: past ' +
      'SIGN_IN_MAX_FAILURES_PER_NAME / SIGN_IN_MAX_FAILURES_PER_ADDRESS within SIGN_IN_WINDOW_MINUTES the answer is 429 until the window passes.',
  })
  @Public()
  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: SessionDto, description: 'Signed in; Set-Cookie carries the session. mustChangePassword: set a password first.' })
  @ApiUnauthorizedResponse({ description: 'Wrong name or password, or a disabled user (code invalid_credentials): one answer for all.' })
  @ApiForbiddenResponse({ description: 'Consumers cannot use the desk (code desk_not_allowed).' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this name or from this address (code too_many_attempts; Retry-After).' })
  async signIn(@Body() dto: SignInDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<SessionDto> {
    const signedIn = await this.sessions.signIn(dto.name, dto.password, {
      address: clientAddress(req),
      userAgent: req.headers['user-agent'] ?? null,
      replacing: sessionSecret(req),
    });
    setSessionCookie(req, res, signedIn.secret, signedIn.cookieExpiresAt);
    return signedIn.session;
  }

  @ApiOperation({ operationId: 'getSession', summary: 'The signed-in user, the CSRF token and when the session ends' })
  @SessionRoute()
  @Get('session')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'No session cookie, or its session ended or expired (codes unauthorized, session_expired).' })
  getSession(@CurrentUser() principal: SessionPrincipal): Promise<SessionDto> {
    return this.sessions.describe(principal.sessionId);
  }

  @ApiOperation({ operationId: 'signOut', summary: 'Sign out: end this session and clear its cookie' })
  @SessionRoute()
  @Post('sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Signed out; the cookie no longer authenticates.' })
  async signOut(@CurrentUser() principal: SessionPrincipal, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    await this.sessions.signOut(principal.sessionId);
    clearSessionCookie(req, res);
  }

  @ApiOperation({ operationId: 'changePassword', summary: 'Set your own password (ends your other sessions, renews this one)' })
  @SessionRoute()
  @Post('password')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    type: SessionDto,
    description:
      'Changed; mustChangePassword is now false and every session of this user has ended, this one included: Set-Cookie carries a new ' +
      'session, and the body its new CSRF token (the old cookie and token no longer work).',
  })
  @ApiForbiddenResponse({ description: 'currentPassword is wrong (code wrong_current_password), or the CSRF token is missing or wrong (csrf_failed).' })
  @ApiUnprocessableEntityResponse({ description: 'newPassword is the current password (code password_unchanged).' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong passwords for this name or from this address (code too_many_attempts; Retry-After).' })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentUser() principal: SessionPrincipal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<SessionDto> {
    const renewed = await this.sessions.changePassword(principal, dto.currentPassword, dto.newPassword, {
      address: clientAddress(req),
      userAgent: req.headers['user-agent'] ?? null,
    });
    setSessionCookie(req, res, renewed.secret, renewed.cookieExpiresAt);
    return renewed.session;
  }

  @ApiOperation({ operationId: 'listSignInAttempts', summary: 'List sign-in attempts (the audit of sign-ins), newest first' })
  @Roles('admin')
  @Get('sign-in-attempts')
  @ApiOkResponse({ type: SignInAttemptPageDto, description: 'Every attempt, successful or not, with the name as typed and the client address.' })
  listSignInAttempts(@Query() query: ListSignInAttemptsQuery): Promise<SignInAttemptPageDto> {
    return this.attempts.list(query);
  }
}
