// Shapes of the grassroots answers: the server's own types (type-only imports, erased from the bundle), so a field the
// server adds or renames shows here at once.
import type { presentCase } from '../../../server/modules/grassroots/hotline-service.ts';
import type { publicRoom, publicStudio, publicTopic } from '../../../server/modules/grassroots/public-service.ts';
import type {
  myReception,
  publicReception,
  rota,
  studioQuestions,
} from '../../../server/modules/grassroots/reception.ts';
import type { getRoom } from '../../../server/modules/grassroots/room-service.ts';
import type { getSession, listItems } from '../../../server/modules/grassroots/session-service.ts';
import type { getStudio, listStudios, listSuggestions } from '../../../server/modules/grassroots/studio-service.ts';
import type { listTopics } from '../../../server/modules/grassroots/topic-service.ts';

export type { HotlinePreview } from '../../../server/modules/grassroots/hotline-import.ts';
export type { RecurringMatter } from '../../../server/modules/grassroots/hotline-matters.ts';
export type { RoomRow as Room } from '../../../server/modules/grassroots/room-service.ts';

/** A room with its members, public address and QR code (SVG). */
export type RoomDetail = Awaited<ReturnType<typeof getRoom>>;
export type Topic = Awaited<ReturnType<typeof listTopics>>['items'][number];
/** An agreed item of a session (议定事项) with its unit, deadline, state and feedback. */
export type Item = Awaited<ReturnType<typeof listItems>>[number];
export type Studio = Awaited<ReturnType<typeof listStudios>>['items'][number];
/** A studio with its members (and leader), public address and QR code (SVG). */
export type StudioDetail = Awaited<ReturnType<typeof getStudio>>;
export type Suggestion = Awaited<ReturnType<typeof listSuggestions>>['items'][number];
/** A 12345 case with its mark (open, taken up, resolved); the content is masked for all but staff. */
export type HotlineCase = ReturnType<typeof presentCase>;
/** A session with its agreed items, photos and whether it is published. */
export type Session = Awaited<ReturnType<typeof getSession>>;
/** A duty member's reception: today's duty, the days to come and the residents' questions to answer. */
export type MyReception = Omit<Awaited<ReturnType<typeof myReception>>, 'open' | 'answered'> & {
  open: Question[];
  answered: Question[];
};
/** A resident's question to a studio's duty member; `moved` counts how often it passed to the next on duty. */
export type Question = Awaited<ReturnType<typeof studioQuestions>>['items'][number];
export type RotaRow = Awaited<ReturnType<typeof rota>>['items'][number];
/** What a studio's public page shows of its reception: who is on duty today and answered questions. */
export type Reception = Awaited<ReturnType<typeof publicReception>>;
export type PublicRoom = Awaited<ReturnType<typeof publicRoom>>;
export type PublicStudio = Awaited<ReturnType<typeof publicStudio>>;
export type PublicTopic = Awaited<ReturnType<typeof publicTopic>>;
