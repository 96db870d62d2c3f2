import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { CallerScope, ReadScope } from '../auth/read-scope.js';
import {
  ArticleDto, ArticlePageDto, ArticleRevisionsDto, ArticleRevisionTextDto, CreateArticleDto, IngestResultDto, ListArticlesQuery, RetryArticleDto,
} from './articles.dto.js';
import { ArticlesService } from './articles.service.js';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('v1/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @ApiOperation({ operationId: 'ingestArticle', summary: 'Ingest an article; its claims are extracted in the background' })
  @Post()
  @Roles('editor')
  @ApiAcceptedResponse({
    type: IngestResultDto,
    description: 'Stored and queued for extraction; or, for a known url with new text, a new revision (`revised`, `revision`), queued '
      + 'for extraction: its claims are reconciled with the previous revision\'s, and GET /v1/articles/{id} says what changed (`changes`) once extracted.',
  })
  @ApiOkResponse({ type: IngestResultDto, description: 'Already ingested (same url and text, or same text): the existing article.' })
  async ingest(
    @Body() dto: CreateArticleDto,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<IngestResultDto> {
    const result = await this.articles.ingest(dto, user.userId);
    const queued = result.created || result.revised;
    res.status(queued ? HttpStatus.ACCEPTED : HttpStatus.OK);
    if (queued) res.header('Location', `/v1/articles/${result.id}`);
    return result;
  }

  @ApiOperation({ operationId: 'listArticles', summary: 'List articles, newest first, with their extraction status' })
  @Get()
  @Roles('editor')
  @ApiOkResponse({ type: ArticlePageDto, description: 'Without the article text; keyset-paged: send nextCursor back as cursor.' })
  list(@Query() query: ListArticlesQuery): Promise<ArticlePageDto> {
    return this.articles.list(query);
  }

  @Post(':id/retry')
  @ApiOperation({ operationId: 'retryArticle', summary: 'Send a failed or unsupported_language article back to extraction' })
  @Roles('editor')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: RetryArticleDto, required: false })
  @ApiOkResponse({ type: ArticleDto, description: 'Queued for extraction again (with the language given, if any); 409 article_not_failed for any other status.' })
  retry(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: Principal, @Body() dto: RetryArticleDto = {}): Promise<ArticleDto> {
    return this.articles.retry(id, user.userId, dto);
  }

  @ApiOperation({ operationId: 'listArticleRevisions', summary: "An article's revisions, newest first, and what each did to its claims" })
  @Get(':id/revisions')
  @Roles('editor')
  @ApiOkResponse({ type: ArticleRevisionsDto, description: 'Without the texts (GET …/revisions/{revision}); claims kept, added, superseded (with their successors) and gone.' })
  revisions(@Param('id', ParseUUIDPipe) id: string): Promise<ArticleRevisionsDto> {
    return this.articles.revisions(id);
  }

  @ApiOperation({ operationId: 'getArticleRevision', summary: 'The title and text of one revision of an article' })
  @Get(':id/revisions/:revision')
  @Roles('editor')
  @ApiOkResponse({ type: ArticleRevisionTextDto })
  revision(@Param('id', ParseUUIDPipe) id: string, @Param('revision', ParseIntPipe) revision: number): Promise<ArticleRevisionTextDto> {
    return this.articles.revisionText(id, revision);
  }

  @ApiOperation({ operationId: 'getArticle', summary: 'Get an article and its extraction status' })
  @Get(':id')
  @ApiOkResponse({ type: ArticleDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CallerScope() scope: ReadScope): Promise<ArticleDto> {
    return this.articles.get(id, scope);
  }
}
