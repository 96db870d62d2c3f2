import { Controller, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { BodyMediaTypes, RawBody } from '../common/body-contract.interceptor.js';
import { invalidInput, ProblemException, unprocessable } from '../common/problem.js';
import { unknownField } from '../common/safe-input.pipe.js';
import { NotJsonError } from './claim-review-parser.js';
import { FactCheckImportReportDto, ImportFactChecksQuery } from './fact-checks.dto.js';
import { FactChecksService } from './fact-checks.service.js';
import { IMPORT_MEDIA_TYPES, JSON_LINES_MEDIA_TYPES } from './import-body.js';

/** One small ClaimReview, as an aggregator exports it (invented for the documentation). */
const EXAMPLE_REVIEW = {
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://checks.example.net/2026/03/bridge-budget',
  claimReviewed: 'The new river bridge cost 900 million dollars.',
  datePublished: '2026-03-14',
  inLanguage: 'en-GB',
  author: { '@type': 'Organization', name: 'Example Checkers' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A. Councillor' }, datePublished: '2026-03-10' },
  reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
};

@ApiTags('fact-checks')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/fact-checks')
@ApiExtraModels(FactCheckImportReportDto)
export class FactChecksController {
  constructor(private readonly factChecks: FactChecksService) {}

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @BodyMediaTypes(...IMPORT_MEDIA_TYPES)
  @ApiOperation({
    operationId: 'importFactChecks',
    summary: 'Import published fact-checks of other publishers (ClaimReview JSON-LD)',
    description:
      'The body is the ClaimReview document itself: one object, an array, or JSON lines (application/x-ndjson or application/jsonl), up to ' +
      'MAX_IMPORT_BYTES. A record is a ClaimReview, or a @graph, DataFeed or ItemList holding ClaimReviews; each needs url, claimReviewed and a ' +
      'reviewRating with alternateName or ratingValue. Every valid fact-check whose url (normalised) is not stored yet becomes a published claim ' +
      '(with `factCheck` on it, no verdict of ours) in one transaction: all or, if storing fails, none. Bad records are reported by position ' +
      'and do not stop the others; `dryRun=true` checks and reports without writing.',
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: { oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: { type: 'object', additionalProperties: true } }] },
          example: [EXAMPLE_REVIEW],
        },
        ...Object.fromEntries(
          JSON_LINES_MEDIA_TYPES.slice(0, 2).map((type) => [type, { schema: { type: 'string', description: 'One JSON object per line.' }, example: JSON.stringify(EXAMPLE_REVIEW) }]),
        ),
      },
    },
  })
  @ApiOkResponse({ type: FactCheckImportReportDto, description: 'What was imported, skipped (already stored) and found invalid, by position.' })
  @ApiResponse({ status: 400, description: 'The body is not JSON nor JSON lines (code malformed_json), is empty, or nests too deep (code body_too_deep).' })
  @ApiResponse({ status: 413, description: 'The document is larger than MAX_IMPORT_BYTES (default 10 MB; code payload_too_large).' })
  @ApiResponse({ status: 415, description: 'Not sent as application/json (or +json) nor JSON lines (application/x-ndjson, application/jsonl; code unsupported_media_type).' })
  @ApiResponse({
    status: 422,
    description: 'No record could be imported nor was already there: every record is invalid, or there is none (code no_valid_fact_checks; `report` has the details). Nothing was written.',
  })
  async import(@RawBody() body: unknown, @Query() query: ImportFactChecksQuery, @CurrentUser() admin: Principal): Promise<FactCheckImportReportDto> {
    if (typeof body !== 'string' || body.trim() === '') {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'empty_body', 'The body is empty: send the ClaimReview document (an object, an array or JSON lines).');
    }
    let report: FactCheckImportReportDto;
    try {
      report = await this.factChecks.import(body, { dryRun: query.dryRun === true, actorId: admin.userId });
    } catch (err) {
      if (err instanceof NotJsonError) throw new ProblemException(HttpStatus.BAD_REQUEST, 'malformed_json', `The body is not a ClaimReview document: ${err.message}.`);
      throw err;
    }
    if (report.importable === 0 && report.skipped.length === 0) {
      // A plain object that is no JSON-LD at all (no @type), e.g. the document wrapped in a field of its own: named like
      // any unknown field, since the body is the document itself.
      const untyped = report.format === 'object' && report.invalid[0]?.reason === 'not_claim_review' ? (JSON.parse(body.replace(/^\uFEFF/, '')) as Record<string, unknown>) : null;
      if (untyped && untyped['@type'] === undefined) {
        throw invalidInput(Object.keys(untyped).map((key) => ({
          field: key,
          message: `${unknownField(key)} (the body is the ClaimReview document itself: an object with @type ClaimReview, an array of them, or JSON lines)`,
        })));
      }
      throw unprocessable(
        'no_valid_fact_checks',
        report.records === 0 ? 'The document holds no record.' : `None of the ${report.records} records is a valid ClaimReview; see report.invalid for why.`,
        { report },
      );
    }
    return report;
  }
}
