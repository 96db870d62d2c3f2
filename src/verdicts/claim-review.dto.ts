import { ApiProperty } from '@nestjs/swagger';

// The schema.org ClaimReview we publish (built in claim-review.ts, typed there by schema-dts), described for
// OpenAPI. JSON-LD keys start with '@', so those properties are renamed with `name`.

export class SchemaOrgOrganization {
  @ApiProperty({ name: '@type', enum: ['Organization'] }) type: 'Organization';
  @ApiProperty({ example: 'Example Fact Desk' }) name: string;
}

export class SchemaOrgSpeaker {
  @ApiProperty({ name: '@type', enum: ['Person', 'Organization'], description: 'Organization for officials, ministries, agencies, groups; Person for a named person or a title.' })
  type: 'Person' | 'Organization';
  @ApiProperty({ description: 'The speaker of the claim.', example: 'Anna Berg' }) name: string;
  @ApiProperty({ required: false, description: "A person's role.", example: 'chief executive' }) jobTitle?: string;
}

export class SchemaOrgRating {
  @ApiProperty({ name: '@type', enum: ['Rating'] }) type: 'Rating';
  @ApiProperty({ enum: ['True', 'Mostly true', 'Misleading', 'Mostly false', 'False', 'Unverifiable'] }) name: string;
  @ApiProperty({ enum: ['True', 'Mostly true', 'Misleading', 'Mostly false', 'False', 'Unverifiable'] }) alternateName: string;
  @ApiProperty({ required: false, minimum: 1, maximum: 5, description: 'true 5 … false 1; absent for unverifiable.', example: 4 }) ratingValue?: number;
  @ApiProperty({ enum: [5] }) bestRating: 5;
  @ApiProperty({ enum: [1] }) worstRating: 1;
}

export class SchemaOrgCreativeWork {
  @ApiProperty({ name: '@type', enum: ['CreativeWork'] }) type: 'CreativeWork';
  @ApiProperty({ format: 'uri', description: 'The article the claim appeared in.' }) url: string;
  @ApiProperty() headline: string;
  @ApiProperty({ required: false, format: 'date-time' }) datePublished?: string;
  @ApiProperty({ required: false, description: "The article's language." }) inLanguage?: string;
  @ApiProperty({ required: false, type: SchemaOrgOrganization }) publisher?: SchemaOrgOrganization;
}

export class SchemaOrgClaim {
  @ApiProperty({ name: '@type', enum: ['Claim'] }) type: 'Claim';
  @ApiProperty({ required: false, type: SchemaOrgSpeaker, description: 'The speaker: a Person or an Organization.' }) author?: SchemaOrgSpeaker;
  @ApiProperty({ required: false, format: 'date-time', description: "The article's date." }) datePublished?: string;
  @ApiProperty({ required: false, type: SchemaOrgCreativeWork, description: 'The article the claim was found in.' }) appearance?: SchemaOrgCreativeWork;
  @ApiProperty({ required: false, type: SchemaOrgCreativeWork, description: 'The same article: the earliest appearance known to us.' }) firstAppearance?: SchemaOrgCreativeWork;
}

export class SchemaOrgQuantitativeValue {
  @ApiProperty({ name: '@type', enum: ['QuantitativeValue'] }) type: 'QuantitativeValue';
  @ApiProperty({ enum: ['claimed', 'evidence'], description: "claimed: the claim's interval by its qualifier; evidence: the span of the sources' figures." }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ required: false, example: 100000 }) minValue?: number;
  @ApiProperty({ required: false, example: 100000 }) maxValue?: number;
  @ApiProperty({ required: false, example: 'troops' }) unitText?: string;
}

export class ClaimReviewDto {
  @ApiProperty({ name: '@context', enum: ['https://schema.org'] }) context: 'https://schema.org';
  @ApiProperty({ name: '@type', enum: ['ClaimReview'] }) type: 'ClaimReview';
  @ApiProperty({ name: '@id', format: 'uri', description: 'This ClaimReview in the API, under PUBLIC_BASE_URL.' }) id: string;
  @ApiProperty({ required: false, format: 'uri', description: "The fact-check article (the verdict's publication.url); absent without a publication." }) url?: string;
  @ApiProperty({ required: false, description: "The fact-check article's headline." }) headline?: string;
  @ApiProperty({ required: false, description: "The fact-check article's language (BCP 47)." }) inLanguage?: string;
  @ApiProperty({ required: false, format: 'uri', description: "The fact-check article's image." }) image?: string;
  @ApiProperty({ description: "The short form the editor gave; default: the claim's sentence, cut at 280 characters." }) claimReviewed: string;
  @ApiProperty({ type: SchemaOrgOrganization, description: 'PUBLISHER_NAME.' }) author: SchemaOrgOrganization;
  @ApiProperty({ format: 'date-time', description: 'First publication of the verdict.' }) datePublished: string;
  @ApiProperty({ required: false, format: 'date-time', description: 'Set by a correction.' }) dateModified?: string;
  @ApiProperty({ description: "The verdict's summary." }) reviewBody: string;
  @ApiProperty({ type: SchemaOrgRating }) reviewRating: SchemaOrgRating;
  @ApiProperty({ type: SchemaOrgClaim }) itemReviewed: SchemaOrgClaim;
  @ApiProperty({ required: false, type: [SchemaOrgQuantitativeValue], description: 'Numeric claims: the claimed and the evidence range.' })
  mentions?: SchemaOrgQuantitativeValue[];
}

export class ClaimReviewPageDto {
  @ApiProperty({ type: [ClaimReviewDto] }) items: ClaimReviewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Pass as ?since= on the next poll.' }) since: string;
}
