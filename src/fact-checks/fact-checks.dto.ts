import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { IMPORT_FORMATS, ISSUE_REASONS, type ImportFormat, type IssueReason } from './claim-review-parser.js';

export class ImportFactChecksQuery {
  @ApiPropertyOptional({ description: 'Check and report only: nothing is written (the report says what would be imported).', default: false })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  dryRun?: boolean;
}

/** A record that was not imported, and why. */
export class ImportIssueDto {
  @ApiProperty({ description: 'Where the record is: its 0-based index in a JSON array, its 1-based line number in JSON lines, 0 for a single object.' })
  position: number;

  @ApiProperty({ description: "Where in that record: `$` the record itself, `$['@graph'][2]` or `$.dataFeedElement[0].item[1]` a ClaimReview inside a wrapper.", example: '$' })
  path: string;

  @ApiProperty({ type: String, nullable: true, description: 'The record\'s url, when it has one.' })
  url: string | null;

  @ApiProperty({
    enum: ISSUE_REASONS,
    description:
      'skipped: duplicate_url (the url, normalised, is already stored, or repeats an earlier record of this document). invalid: invalid_json (a JSON line ' +
      'that does not parse), not_claim_review (no @type ClaimReview, nor a @graph/DataFeed/ItemList holding one), missing_url, invalid_url, ' +
      'missing_claim_reviewed, missing_review_rating, invalid_review_rating (neither alternateName nor ratingValue, or a rating that is not a number), ' +
      'invalid_date (not ISO 8601), invalid_value (too long, or text Postgres cannot store: NUL characters, unpaired surrogates).',
  })
  reason: IssueReason;

  @ApiProperty({ description: 'For a person: what exactly is wrong.' })
  detail: string;
}

export class ImportedFactCheckDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The fact-check; null in a dry run.' }) id: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Its published claim (GET /v1/claims/{id}); null in a dry run.' }) claimId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The article standing for the review page; null in a dry run.' }) articleId: string | null;
  @ApiProperty() url: string;
  @ApiProperty({ description: 'As in ImportIssue.' }) position: number;
  @ApiProperty({ description: 'As in ImportIssue.' }) path: string;
}

export class FactCheckImportReportDto {
  @ApiProperty({ enum: IMPORT_FORMATS, description: 'How the document was read: one object, an array, or JSON lines (what `position` counts).' })
  format: ImportFormat;

  @ApiProperty() dryRun: boolean;

  @ApiProperty({ description: 'Top-level records read: 1 for an object, the length of an array, the non-empty lines.' })
  records: number;

  @ApiProperty({ description: 'Fact-checks stored by this request (0 in a dry run).' })
  imported: number;

  @ApiProperty({ description: 'Fact-checks that passed every check: imported, or in a dry run what would be.' })
  importable: number;

  @ApiProperty({ type: [ImportedFactCheckDto], description: 'The importable fact-checks, in document order.' })
  factChecks: ImportedFactCheckDto[];

  @ApiProperty({ type: [ImportIssueDto], description: 'Valid but not imported: already stored (reason duplicate_url).' })
  skipped: ImportIssueDto[];

  @ApiProperty({ type: [ImportIssueDto], description: 'Records refused, by position, with the reason.' })
  invalid: ImportIssueDto[];
}

/** What an imported claim's fact-check says (ClaimDto.factCheck): the other publisher's rating, not a verdict of ours. */
export class FactCheckSummaryDto {
  @ApiProperty({ description: 'The review page.' }) url: string;
  @ApiProperty({ type: String, nullable: true, description: 'reviewRating.alternateName, in the publisher\'s words.', example: 'Mostly false' })
  ratingName: string | null;
  @ApiProperty({ type: Number, nullable: true }) ratingValue: number | null;
  @ApiProperty({ type: Number, nullable: true }) bestRating: number | null;
  @ApiProperty({ type: Number, nullable: true }) worstRating: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The fact-checker (ClaimReview.author.name).' }) author: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who made the claim (itemReviewed.author.name).' }) claimant: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the review was published.' }) datePublished: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'inLanguage (a BCP-47 tag reduced to its language, e.g. en).' }) language: string | null;
}
