import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { CreateSourceDto, SourceDto, SourceFigureDto } from './sources.dto.js';
import { SourcesService } from './sources.service.js';

class ToleranceDto {
  @ApiProperty() category: string;
  @ApiProperty({ description: 'Relative tolerance, e.g. 0.05 for ±5%.' }) relative: number;
}
class SourceComparisonDto {
  @ApiProperty({ format: 'uuid' }) sourceId: string;
  @ApiProperty({ type: SourceFigureDto, nullable: true }) figure: SourceFigureDto | null;
  @ApiProperty({ enum: ['consistent', 'overstated', 'understated', 'contradicted', 'not_comparable'] }) relation: string;
  @ApiProperty({ type: Number, nullable: true, description: '(claim − source) / source, percent' }) gapPercent: number | null;
  @ApiProperty({ format: 'uuid' }) originId: string;
  @ApiProperty({ description: 'false when an earlier source of the same origin was already counted.' }) counted: boolean;
}
export class AssessmentDto {
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty({ type: ToleranceDto }) tolerance: ToleranceDto;
  @ApiProperty({ type: [SourceComparisonDto] }) sources: SourceComparisonDto[];
  @ApiProperty({ enum: ['true', 'mostly_true', 'misleading', 'mostly_false', 'false', 'unverifiable'] }) suggestedRating: string;
  @ApiProperty() explanation: string;
}

@ApiTags('sources')
@ApiBearerAuth()
@Roles('editor')
@Controller('v1/claims/:id')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @ApiOperation({ operationId: 'addSource', summary: 'Attach a source to a claim' })
  @Post('sources')
  @ApiCreatedResponse({ type: SourceDto })
  add(@Param('id', ParseUUIDPipe) claimId: string, @Body() dto: CreateSourceDto, @CurrentUser() user: Principal): Promise<SourceDto> {
    return this.sources.add(claimId, dto, user.userId);
  }

  @ApiOperation({ operationId: 'getAssessment', summary: "Compare a claim's number with its sources' figures" })
  @Get('assessment')
  @ApiOkResponse({ type: AssessmentDto, description: 'The claim\'s number compared with every source figure.' })
  assessment(@Param('id', ParseUUIDPipe) claimId: string): Promise<AssessmentDto> {
    return this.sources.assessment(claimId);
  }
}
