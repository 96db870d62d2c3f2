import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { CreateNoteDto, NoteDto } from './notes.dto.js';
import { NotesService } from './notes.service.js';

@ApiTags('notes')
@ApiBearerAuth()
@Roles('editor')
@Controller('v1/claims/:id/notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @ApiOperation({ operationId: 'addNote', summary: 'Add a note to a claim; @name mentions notify those people' })
  @Post()
  @ApiCreatedResponse({ type: NoteDto })
  @ApiNotFoundResponse({ description: 'No such claim.' })
  add(@Param('id', ParseUUIDPipe) claimId: string, @Body() dto: CreateNoteDto, @CurrentUser() user: Principal): Promise<NoteDto> {
    return this.notes.add(claimId, dto, user.userId);
  }

  @ApiOperation({ operationId: 'listNotes', summary: "A claim's notes, oldest first" })
  @Get()
  @ApiOkResponse({ type: [NoteDto] })
  list(@Param('id', ParseUUIDPipe) claimId: string): Promise<NoteDto[]> {
    return this.notes.list(claimId);
  }
}
