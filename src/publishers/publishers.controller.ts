import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { PublisherDto, PublishersDto, SetPublisherDto } from './publishers.dto.js';
import { PublishersService } from './publishers.service.js';

@ApiTags('publishers')
@ApiBearerAuth()
@Controller('v1/publishers')
export class PublishersController {
  constructor(private readonly publishers: PublishersService) {}

  @ApiOperation({ operationId: 'listPublishers', summary: "Publishers' time zones, and the default for the others" })
  @Get()
  @Roles('editor')
  @ApiOkResponse({ type: PublishersDto })
  list(): Promise<PublishersDto> {
    return this.publishers.list();
  }

  @ApiOperation({ operationId: 'setPublisher', summary: "Set a publisher's time zone (articles ingested from now on are read in it)" })
  @Put(':name')
  @Roles('admin')
  @ApiOkResponse({ type: PublisherDto })
  set(@Param('name') name: string, @Body() dto: SetPublisherDto, @CurrentUser() user: Principal): Promise<PublisherDto> {
    return this.publishers.set(name.trim(), dto.timeZone, user.userId);
  }

  @ApiOperation({ operationId: 'deletePublisher', summary: "Remove a publisher's time zone (its articles fall back to the default)" })
  @Delete(':name')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  async remove(@Param('name') name: string, @CurrentUser() user: Principal): Promise<void> {
    await this.publishers.remove(name.trim(), user.userId);
  }
}
