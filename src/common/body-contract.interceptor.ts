import { createParamDecorator, HttpStatus, Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { JSON_MEDIA_TYPES } from './json-body.js';
import { invalidInput, ProblemException, type FieldError } from './problem.js';
import { unknownField } from './safe-input.pipe.js';

/**
 * What a route says about its body, read from its handler's parameters: a handler with @Body() takes
 * JSON, so anything else is 415 (not a confusing "title should not be empty"); a handler without one
 * (lease, approve, renew, DELETE ...) takes no body, so fields sent to it are refused like unknown DTO
 * fields instead of silently ignored. Runs after the guard, so 401/403 still come first.
 */
@Injectable()
export class BodyContractInterceptor implements NestInterceptor {
  private readonly contracts = new WeakMap<object, BodyContract>();

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    // A route that names its media types (@BodyMediaTypes) reads the body itself: any of those, or 415.
    const mediaTypes: string[] | undefined = Reflect.getMetadata(BODY_MEDIA_TYPES_KEY, ctx.getHandler());
    if (mediaTypes) {
      if (mediaTypeIs(req, mediaTypes) === false) {
        throw new ProblemException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          'unsupported_media_type',
          `This route takes a body of type ${mediaTypes.join(', ')} (the request had Content-Type ${req.headers['content-type'] ?? 'none'}).`,
        );
      }
      return next.handle();
    }
    const contract = this.contractOf(ctx);
    if (contract !== 'none') {
      // No body at all is fine where an empty body is valid (POST …/rotate-secret with every field optional).
      const bodiless = !req.headers['content-type'] && !req.headers['transfer-encoding'] && (req.headers['content-length'] ?? '0') === '0';
      if (!(bodiless && contract === 'optional') && !declaresJson(req)) {
        const sent = req.headers['content-type'] ? `Content-Type ${req.headers['content-type']}` : 'no Content-Type';
        throw new ProblemException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          'unsupported_media_type',
          `This route takes a JSON body: send Content-Type: application/json (the request had ${sent}).`,
        );
      }
    } else {
      const fields = unexpectedFields(req.body);
      if (fields.length > 0) throw invalidInput(fields);
    }
    return next.handle();
  }

  private contractOf(ctx: ExecutionContext): BodyContract {
    const handler = ctx.getHandler();
    let contract = this.contracts.get(handler);
    if (contract === undefined) {
      const args: Record<string, unknown> = Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), handler.name) ?? {};
      const bodyIndex = Object.keys(args).find((key) => key.startsWith(`${RouteParamtypes.BODY}:`));
      if (bodyIndex === undefined) contract = 'none';
      else {
        const index = (args[bodyIndex] as { index: number }).index;
        const dto = (Reflect.getMetadata('design:paramtypes', ctx.getClass().prototype, handler.name) ?? [])[index];
        contract = typeof dto === 'function' && validateSync(plainToInstance(dto, {}) as object).length === 0 ? 'optional' : 'required';
      }
      this.contracts.set(handler, contract);
    }
    return contract;
  }
}

export const BODY_MEDIA_TYPES_KEY = 'claimcheck:body-media-types';
/**
 * A route whose body is not (only) JSON: the media types it takes. Its handler reads the parsed body with @RawBody()
 * (not @Body(), so no DTO validation applies: the handler checks the body itself).
 */
export const BodyMediaTypes = (...types: string[]) => SetMetadata(BODY_MEDIA_TYPES_KEY, types);

/** The request body as the body parser left it (a string for a text parser), for @BodyMediaTypes routes. */
export const RawBody = createParamDecorator((_data: unknown, ctx: ExecutionContext): unknown => ctx.switchToHttp().getRequest<FastifyRequest>().body);

/** none: the handler takes no body; optional: its DTO accepts `{}`; required: it needs fields. */
type BodyContract = 'none' | 'optional' | 'required';

/**
 * Whether the request's media type is one of `types` (`application/*+json` style wildcards allowed), parameters
 * aside; null for a request without any body (neither Content-Length nor Transfer-Encoding), as Express's req.is().
 */
export function mediaTypeIs(req: FastifyRequest, types: string[]): boolean | null {
  const { headers } = req;
  if (headers['transfer-encoding'] === undefined && !/^\d+$/.test(headers['content-length'] ?? '')) return null;
  const essence = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(essence)) return false;
  return types.some((type) => new RegExp(`^${type.toLowerCase().replace(/[.+]/g, '\\$&').replace('*', '[\\w.-]+')}$`).test(essence));
}

/** mediaTypeIs() is null for a request without any body; then the Content-Type alone decides (the DTO then says what is missing). */
function declaresJson(req: FastifyRequest): boolean {
  const matched = mediaTypeIs(req, JSON_MEDIA_TYPES);
  if (matched !== null) return matched !== false;
  return /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
}

/** An empty JSON object (or none) is no body; anything else names what should not be there. */
function unexpectedFields(body: unknown): FieldError[] {
  const noBody = [{ field: 'body', message: 'this route takes no body' }];
  if (body === undefined || body === null) return [];
  if (Array.isArray(body)) return body.length > 0 ? noBody : [];
  if (typeof body === 'object') return Object.keys(body).map((key) => ({ field: key, message: unknownField(key) }));
  return noBody;
}
